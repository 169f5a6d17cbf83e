package io.annals.core.processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints in memory, for tests and the in-memory event store. */
public class InMemoryCheckpointStore implements CheckpointStore {

    private final Map<String, Long> positions = new ConcurrentHashMap<>();

    @Override
    public long position(String processor) {
        return positions.getOrDefault(processor, 0L);
    }

    @Override
    public void commit(String processor, long position, Runnable batch) {
        batch.run();
        positions.put(processor, position);
    }

    @Override
    public void reset(String processor) {
        positions.remove(processor);
    }
}
