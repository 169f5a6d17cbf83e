package io.annals.store.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * How the store runs JPA work: {@link ResourceLocalTransactions} outside a container,
 * {@link JtaTransactions} inside one. Either way, work started while a transaction is open on the
 * calling thread (a checkpoint's batch) joins that transaction instead of committing on its own.
 */
public interface Transactions {

    /** Runs {@code work} in a transaction and commits it, or joins the transaction open on the calling thread. */
    <T> T inTransaction(Function<EntityManager, T> work);

    /** Runs read-only {@code work}; the entity manager is closed afterwards. */
    <T> T read(Function<EntityManager, T> work);
}
