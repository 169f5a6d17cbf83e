package io.annals.benchmarks;

import io.annals.core.aggregate.AggregateRoot;
import io.annals.core.aggregate.Snapshottable;
import java.util.UUID;

/** A minimal event-sourced aggregate for the store cases: opened once, then counted. */
final class Tally extends AggregateRoot<UUID, TallyEvent> implements Snapshottable<Tally.State> {

    /** The snapshot shape. */
    record State(long total) {
    }

    private long total;

    Tally(UUID id) {
        super(id);
    }

    void open() {
        apply(new TallyEvent.TallyOpened(id().toString()));
    }

    void add(long amount) {
        apply(new TallyEvent.TallyAdded(amount));
    }

    long total() {
        return total;
    }

    @Override
    public State snapshot() {
        return new State(total);
    }

    @Override
    public void restore(State state) {
        total = state.total();
    }

    @Override
    protected void when(TallyEvent event) {
        if (event instanceof TallyEvent.TallyAdded added) {
            total += added.amount();
        }
    }
}
