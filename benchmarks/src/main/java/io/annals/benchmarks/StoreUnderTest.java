package io.annals.benchmarks;

import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.store.EventStore;
import io.annals.store.jpa.StandaloneStores;
import io.annals.store.jpa.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Hands the container the stores a case chose before booting it: each case boots its own container
 * over its own stores.
 */
@ApplicationScoped
class StoreUnderTest {

    private static volatile EventStore chosen;
    private static volatile CheckpointStore checkpoints;
    private static volatile Transactions transactions;

    /** An event store, with checkpoints in memory and no JPA transactions. */
    static void use(EventStore store) {
        chosen = store;
        checkpoints = new InMemoryCheckpointStore();
        transactions = null;
    }

    /** The JPA stores: a projection writing in the checkpoint's transaction uses their {@link Transactions}. */
    static void use(StandaloneStores stores) {
        chosen = stores.eventStore();
        checkpoints = stores.checkpointStore();
        transactions = stores.transactions();
    }

    @Produces
    @ApplicationScoped
    EventStore eventStore() {
        return chosen;
    }

    @Produces
    @ApplicationScoped
    CheckpointStore checkpointStore() {
        return checkpoints;
    }

    /** Dependent, so that a case without JPA transactions may leave it null. */
    @Produces
    Transactions transactions() {
        return transactions;
    }
}
