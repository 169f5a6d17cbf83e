package io.annals.store.jpa;

import io.annals.core.processor.CheckpointStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Processor checkpoints in the {@code annals_checkpoints} table.
 *
 * <p>{@link #commit} runs the batch and moves the checkpoint in one transaction, which the batch's
 * own writes join: with {@link JtaTransactions} (in the container) whatever the batch writes through
 * a JTA resource (a read model's container-managed entity manager on the same data source, the
 * {@link JpaDeadLetterStore}); with {@link ResourceLocalTransactions} (outside a container) whatever
 * it writes through the same {@link Transactions} instance. So a restart never skips or applies an
 * event twice, and the store is {@link #atomic()}. A durable projection must therefore keep its read
 * model in that transaction; a read model in memory declares {@code @Projection(inMemory = true)},
 * whose checkpoint lives in memory too.
 *
 * <p>The checkpoint row is locked before the batch runs, so two instances running the same
 * processor take turns; the one that finds the checkpoint already at or past its batch's end skips
 * the batch instead of applying it again.
 */
public class JpaCheckpointStore implements CheckpointStore {

    private static final Logger LOG = Logger.getLogger(JpaCheckpointStore.class.getName());

    private final Transactions transactions;
    private final Clock clock;

    public JpaCheckpointStore(Transactions transactions) {
        this(transactions, Clock.systemUTC());
    }

    public JpaCheckpointStore(Transactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long position(String processor) {
        requireName(processor);
        return read(em -> {
            CheckpointRecord checkpoint = em.find(CheckpointRecord.class, processor);
            return checkpoint == null ? 0L : checkpoint.position();
        });
    }

    @Override
    public void commit(String processor, long position, Runnable batch) {
        requireName(processor);
        Objects.requireNonNull(batch, "batch");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
        write(em -> {
            CheckpointRecord checkpoint = em.find(CheckpointRecord.class, processor, LockModeType.PESSIMISTIC_WRITE);
            if (checkpoint != null && checkpoint.position() >= position) {
                LOG.fine(() -> processor + " is already at " + checkpoint.position() + ": skipping a batch up to " + position);
                return null;
            }
            batch.run();
            if (checkpoint == null) {
                em.persist(new CheckpointRecord(processor, position, now()));
            } else {
                checkpoint.moveTo(position, now());
            }
            return null;
        });
    }

    /** True: the batch's writes through the same transactions commit or roll back with the checkpoint. */
    @Override
    public boolean atomic() {
        return true;
    }

    @Override
    public void reset(String processor) {
        requireName(processor);
        write(em -> {
            CheckpointRecord checkpoint = em.find(CheckpointRecord.class, processor, LockModeType.PESSIMISTIC_WRITE);
            if (checkpoint != null) {
                checkpoint.moveTo(0, now());
            }
            return null;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private <T> T read(Function<EntityManager, T> work) {
        try {
            return transactions.read(work);
        } catch (RuntimeException failure) {
            throw JpaEventStore.translate(failure);
        }
    }

    private <T> T write(Function<EntityManager, T> work) {
        try {
            return transactions.inTransaction(work);
        } catch (RuntimeException failure) {
            throw JpaEventStore.translate(failure);
        }
    }

    private static void requireName(String processor) {
        if (processor == null || processor.isBlank()) {
            throw new IllegalArgumentException("processor name must not be null or blank");
        }
    }
}
