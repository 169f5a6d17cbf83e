package io.annals.store.jpa;

import io.annals.core.store.AppendOutcomeUnknownException;
import io.annals.core.store.AppendResult;
import io.annals.core.store.AppendRules;
import io.annals.core.store.EventStore;
import io.annals.core.store.EventStoreException;
import io.annals.core.store.EventStoreUnavailableException;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.ProcessedCommand;
import io.annals.core.store.Snapshot;
import io.annals.core.store.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The durable {@link EventStore} on a relational database (H2 or PostgreSQL), schema by
 * {@link AnnalsSchema}.
 *
 * <p>Appends go through one {@link GroupCommitWriter} per store: callers queue and wait, the writer
 * commits whatever is queued in one transaction on its own JDBC connection from {@code dataSource}.
 * That gives a gap-free global log in commit order, also with several application instances on one
 * database (each batch locks the log's counter row), and several times the throughput of one
 * transaction per append. An append is therefore never part of a caller's JTA transaction: it is
 * committed when {@code append} returns.
 *
 * <p>Events are read with plain JDBC on connections of {@code dataSource} ({@link EventReads}); stream
 * versions, the head position and command outcomes use JPA through {@link Transactions}; snapshots are
 * one JDBC statement each ({@link Snapshots}).
 * The persistence unit must not cache entities between entity managers (the writer changes the
 * tables behind its back): the shipped {@code persistence.xml} sets the shared cache mode to
 * {@code NONE}.
 */
public class JpaEventStore implements EventStore, AutoCloseable {

    /** Longest event type name the events table holds. */
    public static final int MAX_TYPE_LENGTH = 200;

    private final DataSource dataSource;
    private final Transactions transactions;
    private final GroupCommitWriter writer;
    /** Appends under way in this store: only a lone one is written on its caller's thread, only without one may a read borrow the writer's connection. */
    private final AtomicInteger appending = new AtomicInteger();
    private final JpaEventStoreSettings settings;
    private final Clock clock;

    /**
     * @param dataSource where the writer takes its connection and events are read (the persistence
     *                   unit's data source; a pooled one, as a container's is)
     * @param transactions JPA access to the same database
     */
    public JpaEventStore(DataSource dataSource, Transactions transactions, JpaEventStoreSettings settings) {
        this(dataSource, transactions, settings, Clock.systemUTC(), Thread::new);
    }

    /** @param writerThreads makes the writer's thread: a container's managed thread factory, where there is one */
    public JpaEventStore(DataSource dataSource, Transactions transactions, JpaEventStoreSettings settings, Clock clock,
                         ThreadFactory writerThreads) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = new GroupCommitWriter(dataSource, settings, clock,
                Objects.requireNonNull(writerThreads, "writerThreads"));
    }

    /** Appends waiting for the writer. */
    int queuedAppends() {
        return writer.queued();
    }

    /** Fault injection for tests. */
    void batchHook(GroupCommitWriter.BatchHook hook) {
        writer.hook(hook);
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId) {
        AppendRules.validate(streamId, expected, events);
        fitsTheTables(events);
        AppendRequest request = new AppendRequest(streamId, expected, events, commandId);
        AppendOutcome outcome;
        boolean alone = appending.incrementAndGet() == 1;
        try {
            writer.submit(request, alone);
            outcome = await(request);
        } finally {
            appending.decrementAndGet();
        }
        if (outcome instanceof AppendOutcome.Appended appended) {
            return new AppendResult(streamId, appended.streamVersion(), appended.events(), false);
        }
        AppendOutcome.Repeated repeated = (AppendOutcome.Repeated) outcome;
        List<StoredEvent> earlier = readStream(streamId, repeated.firstVersion()).subList(0, repeated.count());
        return new AppendResult(streamId, repeated.streamVersion(), earlier, true);
    }

    /** What the columns cannot hold is refused here, so it never reaches (and fails) a batch. */
    private static void fitsTheTables(List<NewEvent> events) {
        for (NewEvent event : events) {
            if (event.type().length() > MAX_TYPE_LENGTH) {
                throw new IllegalArgumentException("event type of " + event.eventId() + " must be at most "
                        + MAX_TYPE_LENGTH + " characters");
            }
            if (event.data().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("payload of event " + event.eventId()
                        + " contains a NUL character, which JSON text cannot carry unescaped");
            }
        }
    }

    private AppendOutcome await(AppendRequest request) {
        try {
            return request.result.get(settings.appendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new EventStoreException("the append failed", failed.getCause());
        } catch (TimeoutException slow) {
            if (writer.withdraw(request)) {
                throw new EventStoreUnavailableException("the writer did not take the append within "
                        + settings.appendTimeout() + "; nothing was stored", slow);
            }
            throw new AppendOutcomeUnknownException("the append was not confirmed within " + settings.appendTimeout()
                    + "; retrying with the same event ids is safe", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            if (writer.withdraw(request)) {
                throw new EventStoreException("interrupted before the append was written; nothing was stored", interrupted);
            }
            throw new AppendOutcomeUnknownException("interrupted while the append was being written; "
                    + "retrying with the same event ids is safe", interrupted);
        }
    }

    @Override
    public List<StoredEvent> readStream(String streamId, long fromVersion) {
        requireStreamId(streamId);
        try {
            List<StoredEvent> events = appending.get() == 0
                    ? writer.readIfIdle(db -> EventReads.stream(db, streamId, fromVersion)) : null;
            if (events != null) {
                return events;
            }
        } catch (SQLException failure) {
            throw translate(failure);
        }
        return query(db -> EventReads.stream(db, streamId, fromVersion));
    }

    @Override
    public long streamVersion(String streamId) {
        requireStreamId(streamId);
        return read(em -> Optional.ofNullable(em.find(StreamRecord.class, streamId)).map(StreamRecord::version).orElse(0L));
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        return query(db -> EventReads.after(db, afterPosition, limit));
    }

    @Override
    public long headPosition() {
        return read(em -> em.find(LogRecord.class, LogRecord.ID).lastPosition());
    }

    @Override
    public Optional<ProcessedCommand> processedCommand(UUID commandId) {
        Objects.requireNonNull(commandId, "commandId");
        return read(em -> Optional.ofNullable(em.find(CommandRecord.class, commandId)).map(CommandRecord::toProcessedCommand));
    }

    @Override
    public void recordCommandOutcome(UUID commandId, String outcome) {
        Objects.requireNonNull(commandId, "commandId");
        write(em -> {
            CommandRecord command = em.find(CommandRecord.class, commandId);
            if (command == null) {
                throw new IllegalArgumentException("command " + commandId + " was not recorded by any append");
            }
            command.recordOutcome(outcome);
            return null;
        });
    }

    @Override
    public Optional<Snapshot> latestSnapshot(String streamId) {
        requireStreamId(streamId);
        return query(db -> Snapshots.latest(db, streamId));
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        requireStreamId(snapshot.streamId());
        OffsetDateTime takenAt = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        try {
            query(db -> Snapshots.keepNewer(db, snapshot, takenAt));
        } catch (EventStoreException raced) {
            // two savers created the stream's first snapshot at once: the loser compares with the winner's
            if (SqlFailures.sqlCause(raced).filter(SqlFailures::isUniqueViolation).isEmpty()) {
                throw raced;
            }
            query(db -> Snapshots.keepNewer(db, snapshot, takenAt));
        }
    }

    /** Stops taking appends, writes those already queued, and stops the writer. */
    @Override
    public void close() {
        writer.close();
    }

    /** Work on plain JDBC, for the reads of events: a connection of the data source, closed afterwards. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection db) throws SQLException;
    }

    private <T> T query(SqlWork<T> work) {
        try (Connection db = dataSource.getConnection()) {
            return work.apply(db);
        } catch (SQLException failure) {
            throw translate(failure);
        }
    }

    private <T> T read(Function<EntityManager, T> work) {
        try {
            return transactions.read(work);
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
    }

    private <T> T write(Function<EntityManager, T> work) {
        try {
            return transactions.inTransaction(work);
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
    }

    /** Database failures become the store's exceptions; anything else (a bad argument) passes unchanged. */
    static RuntimeException translate(RuntimeException failure) {
        if (!(failure instanceof PersistenceException) && SqlFailures.sqlCause(failure).isEmpty()) {
            return failure;
        }
        return translate(SqlFailures.sqlCause(failure).orElse(null), failure);
    }

    static RuntimeException translate(SQLException failure) {
        return translate(failure, failure);
    }

    private static RuntimeException translate(SQLException sql, Exception failure) {
        if (sql != null && SqlFailures.isConnectionFailure(sql)) {
            return new EventStoreUnavailableException("the database cannot be reached", failure);
        }
        if (sql != null && SqlFailures.isLockContention(sql)) {
            return new EventStoreUnavailableException("the database is busy (lock timeout or deadlock)", failure);
        }
        return new EventStoreException("the event store failed: " + failure.getMessage(), failure);
    }

    private static void requireStreamId(String streamId) {
        if (streamId == null || streamId.isBlank()) {
            throw new IllegalArgumentException("streamId must not be null or blank");
        }
    }
}
