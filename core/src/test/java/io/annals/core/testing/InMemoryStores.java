package io.annals.core.testing;

import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.store.EventStore;
import io.annals.core.store.InMemoryEventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Produces the in-memory event and checkpoint stores, one of each per container. */
@ApplicationScoped
public class InMemoryStores {

    @Produces
    @ApplicationScoped
    EventStore eventStore() {
        return new InMemoryEventStore();
    }

    @Produces
    @ApplicationScoped
    CheckpointStore checkpointStore() {
        return new InMemoryCheckpointStore();
    }
}
