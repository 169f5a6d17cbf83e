package io.annals.store.jpa;

import io.annals.core.processor.ProcessorLease;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Processor leases in the {@code annals_processor_leases} table, one row per processor with its
 * owner and expiry. Taking and renewing a lease are single conditional updates (an insert when the
 * processor has no row yet), so two application instances on one database never both hold it: a
 * second taker's update waits for the first one's row lock and then finds the row no longer free;
 * two first inserts clash on the primary key, and the loser holds nothing.
 * <p>
 * Time is the database's: every expiry is {@code CURRENT_TIMESTAMP + ttl} and every comparison is
 * with {@code CURRENT_TIMESTAMP}, so instances whose clocks disagree still agree on who holds a lease.
 */
public class JpaProcessorLease implements ProcessorLease {

    private static final String EXPIRY = "CURRENT_TIMESTAMP + CAST(?3 AS BIGINT) * INTERVAL '0.001' SECOND";

    private final Transactions transactions;

    public JpaProcessorLease(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public boolean acquire(String processor, String owner, Duration ttl) {
        requireArguments(processor, owner, ttl);
        try {
            return inTransaction(em -> em.createNativeQuery("UPDATE annals_processor_leases SET owner = ?2, expires_at = "
                            + EXPIRY + " WHERE processor = ?1 AND (owner = ?2 OR expires_at <= CURRENT_TIMESTAMP)")
                    .setParameter(1, processor).setParameter(2, owner).setParameter(3, ttl.toMillis())
                    .executeUpdate() == 1
                    || em.createNativeQuery("INSERT INTO annals_processor_leases (processor, owner, expires_at) SELECT ?1, ?2, "
                            + EXPIRY + " WHERE NOT EXISTS (SELECT 1 FROM annals_processor_leases WHERE processor = ?1)")
                    .setParameter(1, processor).setParameter(2, owner).setParameter(3, ttl.toMillis())
                    .executeUpdate() == 1);
        } catch (RuntimeException failure) {
            if (SqlFailures.sqlCause(failure).filter(SqlFailures::isUniqueViolation).isPresent()) {
                // another instance inserted the processor's first lease at the same moment and holds it
                return false;
            }
            throw failure;
        }
    }

    @Override
    public boolean renew(String processor, String owner, Duration ttl) {
        requireArguments(processor, owner, ttl);
        return inTransaction(em -> em.createNativeQuery("UPDATE annals_processor_leases SET expires_at = " + EXPIRY
                        + " WHERE processor = ?1 AND owner = ?2 AND expires_at > CURRENT_TIMESTAMP")
                .setParameter(1, processor).setParameter(2, owner).setParameter(3, ttl.toMillis())
                .executeUpdate() == 1);
    }

    @Override
    public void release(String processor, String owner) {
        requireName(processor, "processor");
        requireName(owner, "owner");
        inTransaction(em -> em.createNativeQuery("DELETE FROM annals_processor_leases WHERE processor = ?1 AND owner = ?2")
                .setParameter(1, processor).setParameter(2, owner)
                .executeUpdate());
    }

    @Override
    public Optional<String> holder(String processor) {
        requireName(processor, "processor");
        List<?> owners = inTransaction(em -> em.createNativeQuery("SELECT owner FROM annals_processor_leases "
                        + "WHERE processor = ?1 AND expires_at > CURRENT_TIMESTAMP")
                .setParameter(1, processor)
                .getResultList());
        return owners.stream().map(String.class::cast).findFirst();
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        try {
            return transactions.inTransaction(work);
        } catch (RuntimeException failure) {
            throw JpaEventStore.translate(failure);
        }
    }

    private static void requireArguments(String processor, String owner, Duration ttl) {
        requireName(processor, "processor");
        requireName(owner, "owner");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
    }

    private static void requireName(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
    }
}
