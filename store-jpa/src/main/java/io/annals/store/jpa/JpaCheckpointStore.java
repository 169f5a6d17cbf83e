package io.annals.store.jpa;

import io.annals.core.processor.CheckpointStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;

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
 *
 * <p>{@link #position} is one JDBC query on the store's data source: every processor reads its
 * checkpoint on every poll, and an entity manager per read cost as much as reading the events. A
 * commit locks and moves the row with JDBC on the transaction's own connection: finding and updating
 * the entity took a quarter of a projection rebuild's CPU.
 */
public class JpaCheckpointStore implements CheckpointStore {

    private static final Logger LOG = Logger.getLogger(JpaCheckpointStore.class.getName());

    private final Transactions transactions;
    private final DataSource dataSource;
    private final Clock clock;

    /** @param dataSource the persistence unit's data source, for reads of a position */
    public JpaCheckpointStore(Transactions transactions, DataSource dataSource) {
        this(transactions, dataSource, Clock.systemUTC());
    }

    public JpaCheckpointStore(Transactions transactions, DataSource dataSource, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long position(String processor) {
        requireName(processor);
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement(
                     "SELECT global_position FROM annals_checkpoints WHERE processor = ?")) {
            select.setString(1, processor);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        } catch (SQLException failure) {
            throw JpaEventStore.translate(failure);
        }
    }

    @Override
    public void commit(String processor, long position, Runnable batch) {
        requireName(processor);
        Objects.requireNonNull(batch, "batch");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
        write(em -> {
            Connection db = em.unwrap(Connection.class);
            OptionalLong current = lockedPosition(db, processor);
            if (current.isPresent() && current.getAsLong() >= position) {
                LOG.fine(() -> processor + " is already at " + current.getAsLong() + ": skipping a batch up to " + position);
                return null;
            }
            batch.run();
            moveTo(db, processor, position, current.isEmpty());
            return null;
        });
    }

    /** The checkpoint row, locked until the transaction ends; empty when the processor has none yet. */
    private static OptionalLong lockedPosition(Connection db, String processor) {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT global_position FROM annals_checkpoints WHERE processor = ? FOR UPDATE")) {
            select.setString(1, processor);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException failure) {
            throw new PersistenceException(failure);
        }
    }

    /** Inserts the row ({@code create}) or moves the locked one; a racing creator fails the primary key. */
    private void moveTo(Connection db, String processor, long position, boolean create) {
        String sql = create
                ? "INSERT INTO annals_checkpoints (global_position, updated_at, processor) VALUES (?, ?, ?)"
                : "UPDATE annals_checkpoints SET global_position = ?, updated_at = ? WHERE processor = ?";
        try (PreparedStatement write = db.prepareStatement(sql)) {
            write.setLong(1, position);
            write.setObject(2, now());
            write.setString(3, processor);
            write.executeUpdate();
        } catch (SQLException failure) {
            throw new PersistenceException(failure);
        }
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
