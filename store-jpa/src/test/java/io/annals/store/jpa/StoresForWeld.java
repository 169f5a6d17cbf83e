package io.annals.store.jpa;

import io.annals.core.processor.CheckpointStore;
import io.annals.core.store.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Hands a test's JPA stores to a Weld container, as {@link JpaStores} does in the application server. */
@ApplicationScoped
class StoresForWeld {

    static volatile StandaloneStores current;

    @Produces
    EventStore eventStore() {
        return current.eventStore();
    }

    @Produces
    CheckpointStore checkpointStore() {
        return current.checkpointStore();
    }
}
