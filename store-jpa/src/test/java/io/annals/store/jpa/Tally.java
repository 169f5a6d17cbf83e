package io.annals.store.jpa;

import io.annals.core.aggregate.AggregateRoot;
import io.annals.core.aggregate.Snapshottable;

/** A test aggregate that adds numbers, with snapshots of its total. */
class Tally extends AggregateRoot<String, Tally.Event> implements Snapshottable<Tally.State> {

    sealed interface Event permits Tallied {
    }

    record Tallied(int amount) implements Event {
    }

    record State(int total) {
    }

    private int total;

    Tally(String id) {
        super(id);
    }

    void add(int amount) {
        apply(new Tallied(amount));
    }

    int total() {
        return total;
    }

    @Override
    protected void when(Event event) {
        if (event instanceof Tallied tallied) {
            total += tallied.amount();
        }
    }

    @Override
    public State snapshot() {
        return new State(total);
    }

    @Override
    public void restore(State snapshot) {
        total = snapshot.total();
    }
}
