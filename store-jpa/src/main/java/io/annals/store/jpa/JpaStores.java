package io.annals.store.jpa;

import io.annals.core.dispatch.AnnalsExecutor;
import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.DeadLetterStore;
import io.annals.core.processor.ProcessorLease;
import io.annals.core.store.EventStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Makes the JPA stores core's {@link EventStore}, {@link CheckpointStore}, {@link DeadLetterStore}
 * and {@link ProcessorLease} in a Jakarta EE container, so the processor runtime keeps checkpoints,
 * dead letters and leases in the database. Every store runs on JTA: a batch's dead letters and
 * read-model writes commit with its checkpoint. The deployment defines the data source
 * {@value #DATA_SOURCE} (the WAR does, with {@code @DataSourceDefinition}); this jar's
 * {@code persistence.xml} defines the JTA persistence unit {@value #PERSISTENCE_UNIT} on it. At
 * start-up the schema is migrated before anything can use the stores. Outside a container, use
 * {@link StandaloneStores}.
 */
@ApplicationScoped
public class JpaStores {

    /** The persistence unit this jar ships. */
    public static final String PERSISTENCE_UNIT = "annals";
    /** The JNDI name of the data source the deployment must define. */
    public static final String DATA_SOURCE = "java:app/jdbc/annals";

    @PersistenceUnit(unitName = PERSISTENCE_UNIT)
    EntityManagerFactory entityManagerFactory;

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    UserTransaction userTransaction;

    @Resource
    TransactionSynchronizationRegistry transactionRegistry;

    @Inject
    AnnalsExecutor executor;

    private JpaEventStore eventStore;
    private JpaCheckpointStore checkpointStore;
    private JpaDeadLetterStore deadLetterStore;
    private JpaProcessorLease processorLease;

    @PostConstruct
    void start() {
        AnnalsSchema.migrate(dataSource);
        Transactions transactions = new JtaTransactions(entityManagerFactory, userTransaction, transactionRegistry);
        eventStore = new JpaEventStore(dataSource, transactions, JpaEventStoreSettings.defaults(), Clock.systemUTC(),
                executor.threadFactory());
        checkpointStore = new JpaCheckpointStore(transactions, dataSource);
        deadLetterStore = new JpaDeadLetterStore(transactions);
        processorLease = new JpaProcessorLease(transactions);
    }

    /** Creates this bean, and so migrates the schema, when the application starts rather than on first use. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the work is done by @PostConstruct; observing the event is what makes it happen now
    }

    @Produces
    @Typed({EventStore.class, JpaEventStore.class})
    JpaEventStore eventStore() {
        return eventStore;
    }

    @Produces
    @Typed({CheckpointStore.class, JpaCheckpointStore.class})
    JpaCheckpointStore checkpointStore() {
        return checkpointStore;
    }

    @Produces
    @Typed({DeadLetterStore.class, JpaDeadLetterStore.class})
    JpaDeadLetterStore deadLetterStore() {
        return deadLetterStore;
    }

    @Produces
    @Typed({ProcessorLease.class, JpaProcessorLease.class})
    JpaProcessorLease processorLease() {
        return processorLease;
    }

    @PreDestroy
    void stop() {
        eventStore.close();
    }
}
