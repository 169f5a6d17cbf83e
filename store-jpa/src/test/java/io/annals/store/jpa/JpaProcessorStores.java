package io.annals.store.jpa;

import io.annals.core.testing.ProcessorStores;

/**
 * The stores one processor-contract test runs on: a database of its own with the JPA event,
 * checkpoint, dead-letter and lease stores and the {@link JpaTallyStore} read model, all sharing one
 * {@link Transactions}. Closing it closes the stores and removes the database.
 */
final class JpaProcessorStores implements AutoCloseable {

    private final TestDatabase database;
    private final StandaloneStores stores;
    private final ProcessorStores processorStores;

    private JpaProcessorStores(TestDatabase database) {
        this.database = database;
        this.stores = database.openStores(JpaEventStoreSettings.defaults());
        this.processorStores = new ProcessorStores(stores.eventStore(), stores.checkpointStore(), stores.deadLetterStore(),
                stores.processorLease(), JpaTallyStore.create(database, stores.transactions()));
    }

    static JpaProcessorStores open(TestDatabase database) {
        try {
            return new JpaProcessorStores(database);
        } catch (RuntimeException | Error failure) {
            database.close();
            throw failure;
        }
    }

    ProcessorStores processorStores() {
        return processorStores;
    }

    @Override
    public void close() {
        try {
            stores.close();
        } finally {
            database.close();
        }
    }
}
