package io.annals.store.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JPA stores outside a container (tests, benchmarks, tools): migrates the schema, then runs the
 * shipped {@code annals} persistence unit as RESOURCE_LOCAL on the given JDBC URL, with the
 * provider's own connection pool. A JPA provider must be on the class path. A read model that must
 * commit with its projection's checkpoint writes through {@link #transactions()}: work started there
 * inside a checkpoint's batch joins the checkpoint's transaction.
 */
public final class StandaloneStores implements AutoCloseable {

    private static final int MAX_IDLE_CONNECTIONS = 32;

    private final ReusedConnections connections;
    private final EntityManagerFactory entityManagerFactory;
    private final JpaEventStore eventStore;
    private final Transactions transactions;
    private final JpaCheckpointStore checkpointStore;
    private final JpaDeadLetterStore deadLetterStore;
    private final JpaProcessorLease processorLease;

    private StandaloneStores(String url, String user, String password, JpaEventStoreSettings settings) {
        DriverManagerDataSource opener = new DriverManagerDataSource(url, user, password);
        AnnalsSchema.migrate(opener);
        connections = new ReusedConnections(opener, MAX_IDLE_CONNECTIONS);
        entityManagerFactory = Persistence.createEntityManagerFactory(JpaStores.PERSISTENCE_UNIT,
                resourceLocal(url, user, password));
        transactions = new ResourceLocalTransactions(entityManagerFactory);
        eventStore = new JpaEventStore(connections, transactions, settings);
        checkpointStore = new JpaCheckpointStore(transactions, connections);
        deadLetterStore = new JpaDeadLetterStore(transactions);
        processorLease = new JpaProcessorLease(transactions);
    }

    /** Stores on the database at {@code url}; {@code user} may be null when the URL carries it. */
    public static StandaloneStores open(String url, String user, String password, JpaEventStoreSettings settings) {
        return new StandaloneStores(Objects.requireNonNull(url, "url"), user, password,
                Objects.requireNonNull(settings, "settings"));
    }

    public static StandaloneStores open(String url, String user, String password) {
        return open(url, user, password, JpaEventStoreSettings.defaults());
    }

    public JpaEventStore eventStore() {
        return eventStore;
    }

    public JpaCheckpointStore checkpointStore() {
        return checkpointStore;
    }

    public JpaDeadLetterStore deadLetterStore() {
        return deadLetterStore;
    }

    public JpaProcessorLease processorLease() {
        return processorLease;
    }

    /** The transactions every store here runs in, for read models that commit with a checkpoint. */
    public Transactions transactions() {
        return transactions;
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    @Override
    public void close() {
        try {
            eventStore.close();
        } finally {
            try {
                entityManagerFactory.close();
            } finally {
                connections.close();
            }
        }
    }

    private static Map<String, Object> resourceLocal(String url, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.url", url);
        if (user != null) {
            properties.put("jakarta.persistence.jdbc.user", user);
            properties.put("jakarta.persistence.jdbc.password", password == null ? "" : password);
        }
        return properties;
    }
}
