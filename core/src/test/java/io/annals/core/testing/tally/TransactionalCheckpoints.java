package io.annals.core.testing.tally;

import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.InMemoryCheckpointStore;

/**
 * In-memory checkpoints that commit atomically with an {@link InMemoryTallyStore}: the tally's
 * writes during a commit are applied only if the whole batch succeeds. It stands in for a database
 * transaction so the in-memory run of the contracts takes the same batch path as a JPA store. Like
 * a database store shared by several instances, it skips a batch that would not move the checkpoint
 * forward (another instance already committed it).
 */
public class TransactionalCheckpoints implements CheckpointStore {

    private final InMemoryCheckpointStore positions = new InMemoryCheckpointStore();
    private final InMemoryTallyStore tallies;

    public TransactionalCheckpoints(InMemoryTallyStore tallies) {
        this.tallies = tallies;
    }

    @Override
    public long position(String processor) {
        return positions.position(processor);
    }

    @Override
    public synchronized void commit(String processor, long position, Runnable batch) {
        if (positions.position(processor) >= position) {
            return;
        }
        tallies.begin();
        try {
            batch.run();
            tallies.commitWrites();
            positions.commit(processor, position, () -> { });
        } finally {
            tallies.rollback();
        }
    }

    @Override
    public void reset(String processor) {
        positions.reset(processor);
    }

    @Override
    public boolean atomic() {
        return true;
    }
}
