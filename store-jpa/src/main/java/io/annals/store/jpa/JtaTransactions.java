package io.annals.store.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.Objects;
import java.util.function.Function;

/**
 * Transactions of a JTA persistence unit in a container. When the calling thread already has a JTA
 * transaction, the work joins it (and a failure marks it rollback-only); otherwise this begins one
 * with {@link UserTransaction} and commits it. Any other JTA resource used inside the work, such as
 * a read model's container-managed entity manager, takes part in the same transaction.
 */
public final class JtaTransactions implements Transactions {

    private final EntityManagerFactory factory;
    private final UserTransaction userTransaction;
    private final TransactionSynchronizationRegistry registry;

    public JtaTransactions(EntityManagerFactory factory, UserTransaction userTransaction,
                           TransactionSynchronizationRegistry registry) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.userTransaction = Objects.requireNonNull(userTransaction, "userTransaction");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        boolean own = registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
        if (own) {
            begin();
        }
        T result;
        try {
            EntityManager em = factory.createEntityManager();
            try {
                em.joinTransaction();
                result = work.apply(em);
                em.flush();
            } finally {
                em.close();
            }
        } catch (RuntimeException | Error failure) {
            if (own) {
                rollbackQuietly(failure);
            } else {
                registry.setRollbackOnly();
            }
            throw failure;
        }
        if (own) {
            commit();
        }
        return result;
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

    private void begin() {
        try {
            userTransaction.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new PersistenceException("cannot begin a JTA transaction", e);
        }
    }

    private void commit() {
        try {
            userTransaction.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            throw new PersistenceException("the JTA transaction did not commit", e);
        }
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            userTransaction.rollback();
        } catch (SystemException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
