package io.annals.core.aggregate;

/**
 * A running total that can be snapshotted: the aggregate the repository, snapshot and concurrency
 * tests use. {@link #restore} checks the snapshot only after taking its total, so a corrupt snapshot
 * fails half-way through restoring.
 */
final class Tally extends AggregateRoot<String, TallyEvent> implements Snapshottable<Tally.State> {

    /** The snapshot: the total and how many amounts made it. */
    record State(int total, int counts) {
    }

    private int total;
    private int counts;

    Tally(String id) {
        super(id);
    }

    void count(int amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a tally counts positive amounts, not " + amount);
        }
        apply(new Counted(amount));
    }

    void saveEveryEvent() {
        autoCommit(true);
    }

    int total() {
        return total;
    }

    int counts() {
        return counts;
    }

    @Override
    protected void when(TallyEvent event) {
        if (event instanceof Counted counted) {
            total += counted.amount();
            counts++;
        }
    }

    @Override
    public State snapshot() {
        return new State(total, counts);
    }

    @Override
    public void restore(State snapshot) {
        total = snapshot.total();
        if (snapshot.counts() < 0) {
            throw new IllegalArgumentException("a snapshot cannot hold a negative count");
        }
        counts = snapshot.counts();
    }
}
