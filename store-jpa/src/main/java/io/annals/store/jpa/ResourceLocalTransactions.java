package io.annals.store.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Objects;
import java.util.function.Function;

/**
 * Transactions of a RESOURCE_LOCAL persistence unit: one entity manager and transaction per call.
 * Work started while a transaction of this instance is open on the calling thread joins it, as it
 * would join a JTA transaction in a container: whatever a checkpoint's batch writes through the
 * same instance (parked dead letters, a read model's rows) commits or rolls back with the
 * checkpoint. A failure inside joined work marks the transaction rollback-only.
 */
public final class ResourceLocalTransactions implements Transactions {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> open = new ThreadLocal<>();

    public ResourceLocalTransactions(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager joined = open.get();
        if (joined != null) {
            return join(joined, work);
        }
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        open.set(em);
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            open.remove();
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private static <T> T join(EntityManager em, Function<EntityManager, T> work) {
        try {
            T result = work.apply(em);
            em.flush();
            return result;
        } catch (RuntimeException | Error failure) {
            em.getTransaction().setRollbackOnly();
            throw failure;
        }
    }
}
