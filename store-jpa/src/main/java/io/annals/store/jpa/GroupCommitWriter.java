package io.annals.store.jpa;

import io.annals.core.store.AppendOutcomeUnknownException;
import io.annals.core.store.DuplicateCommandException;
import io.annals.core.store.EventIdConflictException;
import io.annals.core.store.EventLocation;
import io.annals.core.store.EventStoreException;
import io.annals.core.store.EventStoreUnavailableException;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StreamVersionConflictException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one writer of the global log in this process, committing appends in groups.
 *
 * <p>Callers queue an {@link AppendRequest} and wait on its future. The writer thread takes the first
 * request, drains whatever else is queued (it never waits for a batch to fill: that only added
 * latency), and writes the group in one transaction:
 * <ol>
 * <li>it decides every request in memory, in queue order, before writing anything: repeat (by
 * event id), version conflict, or accepted with consecutive versions and positions. A rejected
 * request never touches the database and never fails the others (a failed statement would abort
 * the whole PostgreSQL transaction);</li>
 * <li>it moves the log counter, which locks its row and so serialises the writers of all
 * application instances sharing the database, inserts the accepted events as multi-row inserts,
 * moves the stream heads (each guarded by the version it decided from) and records command ids,
 * all as one {@link StatementPipeline} (one round trip on PostgreSQL, usually with the commit), and
 * commits once;</li>
 * <li>only then (on H2, after writing the commit to the file: see {@link Dialect#flushCommitted}) does it
 * complete the futures, so an acknowledged append is committed and survives a killed process.</li>
 * </ol>
 * Positions are handed out under the counter lock and become visible all at once at commit, so
 * readers never see a hole or a lower position after a higher one. A rolled-back batch leaves the
 * counter where it was, and the next batch reuses the same positions.
 *
 * <p>What the writer decides from comes in steps of distrust ({@link Mode}). A batch is first
 * decided from memory alone: the last position and the stream versions its own commits left (or,
 * for a stream it does not remember, the version the append expects), with the counter's move
 * guarded by the position remembered (where {@link Dialect#movesTheCounterUnlocked()}; on H2 every
 * batch starts under the counter's lock). The counter moves with every append of every instance, so
 * if the guard hits, nobody else wrote in between; the head guards and the unique constraints
 * (event id, command id, stream version, position) catch whatever else that view missed, and the
 * batch is rolled back and decided again, first under the counter's lock reading the log's last
 * position and the unknown heads, then with every look-up done first (and, should even that be
 * refused, one append per transaction). A batch with a refusal or a repeat is decided under the
 * lock from the start, and an append about to be refused for its version has its event ids looked
 * up, because a repeat wins over a version conflict.
 *
 * <p>Plain JDBC on the store's DataSource, not EntityManagers: the batch is a handful of set-based
 * statements, and measured on this workload EclipseLink added about 0.3 ms per transaction (half the
 * single-client rate). Reading, snapshots and checkpoints go through JPA.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Fault injection for tests: runs inside the batch transaction, after the inserts, before commit. */
    @FunctionalInterface
    interface BatchHook {
        void beforeCommit(Connection connection) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());
    private static final int MAX_BATCH_PAYLOAD_CHARS = 8 << 20;

    private final DataSource dataSource;
    private final JpaEventStoreSettings settings;
    private final Clock clock;
    private final BlockingQueue<AppendRequest> queue;
    private final StreamHeadCache heads;
    private final Thread thread;
    private final ThreadFactory threads;
    private volatile boolean accepting = true;
    /** Fault injection for tests; none in production, which lets the commit travel with the writes. */
    private volatile BatchHook hook;

    /** Held while a batch is written, by the writer thread or by a caller writing its own append. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Released for every queued request: wakes the writer thread without it taking a request before it may write. */
    private final Semaphore work = new Semaphore(0);
    private Connection connection;
    private Dialect dialect;
    /** Whether a commit reaches the disk only when flushed (H2 with a write delay): a batch is flushed before it is acknowledged. */
    private boolean flushesBatches;
    /** Syncs the database file where batches only reach the OS's cache; started on the first connection that needs it. */
    private volatile FileSync fileSync;
    /** The turn this writer takes with the other writers of its database in this process; null if they need none. */
    private ReentrantLock databaseTurn;

    /** One turn per H2 database of this process, by database path (see {@link Dialect#writersTakeTurnsInProcess}). */
    private static final Map<String, ReentrantLock> TURNS = new ConcurrentHashMap<>();

    GroupCommitWriter(DataSource dataSource, JpaEventStoreSettings settings, Clock clock, ThreadFactory threads) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.heads = new StreamHeadCache(settings.streamHeadCacheSize());
        this.threads = threads;
        this.thread = threads.newThread(this::run);
        thread.setName("annals-event-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void hook(BatchHook hook) {
        this.hook = hook;
    }

    /**
     * Writes the request on the calling thread when it is the only append under way ({@code alone}),
     * the writer is idle (nothing queued, no batch being written, a connection open) and the
     * database allows it; otherwise queues it for the writer thread, waiting up to the append timeout
     * for room. A caller that writes its own append saves two thread hand-offs, which on a busy
     * machine cost as much as a round trip each; with other appends under way, it would only keep
     * them from being written together.
     */
    void submit(AppendRequest request, boolean alone) {
        if (!accepting) {
            throw new EventStoreUnavailableException("the event store is closed", null);
        }
        if (alone && queue.isEmpty() && !writing.hasQueuedThreads() && writing.tryLock()) {
            try {
                if (connection != null && dialect.writesOnCallerThreads() && accepting) {
                    writeGuarded(new ArrayList<>(List.of(request)));
                    return;
                }
            } finally {
                writing.unlock();
            }
        }
        try {
            if (!queue.offer(request, settings.appendTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EventStoreUnavailableException("the event store's append queue stayed full for "
                        + settings.appendTimeout(), null);
            }
            work.release();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EventStoreUnavailableException("interrupted while queueing an append; nothing was stored", interrupted);
        }
    }

    /** A read on the writer's connection. */
    @FunctionalInterface
    interface SqlRead<T> {
        T apply(Connection db) throws SQLException;
    }

    /**
     * Runs {@code read} on the writer's own connection, in auto-commit mode, when the writer is idle
     * (the caller checks first that no append is under way) and the database allows caller threads;
     * null otherwise (the caller reads elsewhere). A command
     * reads its stream right before it appends, and on PostgreSQL a read on another connection
     * wakes another server process, which on a busy machine costs about as much as the read.
     */
    <T> T readIfIdle(SqlRead<T> read) throws SQLException {
        if (!queue.isEmpty() || writing.hasQueuedThreads() || !writing.tryLock()) {
            return null;
        }
        try {
            Connection db = connection;
            if (db == null || !accepting || !dialect.writesOnCallerThreads()) {
                return null;
            }
            try {
                db.setAutoCommit(true);
                try {
                    return read.apply(db);
                } finally {
                    db.setAutoCommit(false);
                }
            } catch (SQLException failure) {
                if (SqlFailures.isConnectionFailure(failure)) {
                    dropConnection();
                    heads.invalidate();
                }
                throw failure;
            }
        } finally {
            writing.unlock();
        }
    }

    /** Appends waiting for the writer. */
    int queued() {
        return queue.size();
    }

    /** Takes a request back if the writer has not picked it up yet. */
    boolean withdraw(AppendRequest request) {
        return queue.remove(request);
    }

    @Override
    public void close() {
        accepting = false;
        stopFileSync();
        try {
            thread.join(settings.appendTimeout().toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    private void run() {
        while (accepting || !queue.isEmpty()) {
            try {
                if (!work.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException interrupted) {
                break;
            }
            writing.lock();
            try {
                work.drainPermits();
                AppendRequest first = queue.poll();
                if (first != null) {
                    List<AppendRequest> batch = new ArrayList<>();
                    batch.add(first);
                    drainInto(batch);
                    writeGuarded(batch);
                }
            } finally {
                writing.unlock();
            }
        }
        writing.lock();
        try {
            for (AppendRequest left; (left = queue.poll()) != null; ) {
                left.result.completeExceptionally(new EventStoreUnavailableException("the event store was closed", null));
            }
            dropConnection();
            // again here: draining the queue after close may have connected and started it
            stopFileSync();
        } finally {
            writing.unlock();
        }
    }

    /** Writes the batch, holding {@link #writing}; whatever goes wrong completes every future. */
    private void writeGuarded(List<AppendRequest> batch) {
        try {
            write(batch);
        } catch (RuntimeException | Error unexpected) {
            LOG.log(Level.SEVERE, "the event writer failed a batch unexpectedly", unexpected);
            dropConnection();
            heads.invalidate();
            failAll(batch, new EventStoreException("the append failed unexpectedly; nothing was stored", unexpected));
        }
    }

    private void drainInto(List<AppendRequest> batch) {
        long chars = batch.get(0).payloadChars;
        while (batch.size() < settings.maxBatchAppends() && chars < MAX_BATCH_PAYLOAD_CHARS) {
            AppendRequest next = queue.poll();
            if (next == null) {
                return;
            }
            batch.add(next);
            chars += next.payloadChars;
        }
    }

    /** How much a batch trusts the writer's view of the tables. */
    private enum Mode {
        /**
         * Nothing read first: the log's last position and the stream versions come from the
         * writer's memory (a stream it does not remember is taken to be where the append expects
         * it). The counter's move is guarded by the position remembered, each head's by its
         * version, and the unique constraints catch the rest; a miss rolls the batch back. When
         * every guard fails its statement rather than changing no row (no stream taken on trust
         * from the append) and the driver sends statements together, the commit goes in the same
         * round trip: a failed statement makes PostgreSQL skip the rest of it, commit included.
         */
        OPTIMISTIC,
        /** The counter locked and read first, cached versions, no look-up of ids. */
        FAST,
        /** Every version and id read from the tables first: only a writer outside the protocol can surprise it. */
        EXACT,
        /** As {@link #EXACT}, one append per transaction, so a constraint names the culprit. */
        ALONE
    }

    /**
     * Writes requests until each one's future is complete: retries whole batches on lock
     * contention and a lost connection, falls back to exact batches and then to one append per
     * transaction when a constraint refused what the writer decided, and decides again the appends
     * whose refusal rested on a batch that did not commit.
     */
    private void write(List<AppendRequest> requests) {
        List<AppendRequest> pending = requests;
        Mode mode = Mode.OPTIMISTIC;
        int lockFailures = 0;
        int connectionFailures = 0;
        while (!pending.isEmpty()) {
            if (connection == null && Thread.currentThread() != thread) {
                handOver(pending);
                return;
            }
            try {
                if (mode == Mode.ALONE) {
                    List<AppendRequest> rest = new ArrayList<>(pending.subList(1, pending.size()));
                    rest.addAll(writeBatch(pending.subList(0, 1), mode));
                    pending = rest;
                } else {
                    pending = writeBatch(pending, mode);
                }
            } catch (ConstraintSurprise surprise) {
                heads.invalidate();
                LOG.log(Level.FINE, surprise, () -> "a constraint refused a batch decided in " + surprise.mode
                        + " mode; deciding again with more look-ups");
                mode = switch (surprise.mode) {
                    case OPTIMISTIC -> Mode.FAST;
                    case FAST -> Mode.EXACT;
                    default -> Mode.ALONE;
                };
            } catch (UnexplainedFailure failure) {
                LOG.log(Level.FINE, failure, () -> "a batch failed for no reason common to its appends; writing them one by one");
                mode = Mode.ALONE;
            } catch (SQLException failure) {
                if (mode == Mode.OPTIMISTIC) {
                    heads.invalidate();
                    mode = Mode.FAST;
                }
                if (SqlFailures.isConnectionFailure(failure)) {
                    dropConnection();
                    heads.invalidate();
                }
                if (SqlFailures.isLockContention(failure) && lockFailures++ < settings.lockRetries()) {
                    pause(lockFailures);
                } else if (SqlFailures.isConnectionFailure(failure) && connectionFailures++ < 1) {
                    LOG.log(Level.FINE, "the event writer lost its connection; reconnecting", failure);
                } else {
                    failAll(pending, translate(failure));
                    return;
                }
            }
        }
    }

    /** Leaves requests to the writer thread, the only one that opens a connection. */
    private void handOver(List<AppendRequest> requests) {
        for (AppendRequest request : requests) {
            if (queue.offer(request)) {
                work.release();
            } else {
                request.result.completeExceptionally(new EventStoreUnavailableException(
                        "the event store's append queue is full; nothing was stored", null));
            }
        }
    }

    private static EventStoreException translate(SQLException failure) {
        if (SqlFailures.isLockContention(failure)) {
            return new EventStoreUnavailableException("the global log stayed locked by another writer; nothing was stored",
                    failure);
        }
        if (SqlFailures.isConnectionFailure(failure)) {
            return new EventStoreUnavailableException("the database cannot be reached; nothing was stored", failure);
        }
        return new EventStoreException("the append failed; nothing was stored", failure);
    }

    /**
     * One transaction for {@code requests}.
     *
     * @return requests to decide again because the transaction failed after deciding them
     * @throws SQLException nothing was decided, or the failure concerns every request alike
     * @throws ConstraintSurprise a constraint refused what the writer decided: nothing was committed
     * @throws UnexplainedFailure a statement failed in a way that may be one append's fault: nothing was committed
     */
    private List<AppendRequest> writeBatch(List<AppendRequest> requests, Mode mode)
            throws SQLException, ConstraintSurprise, UnexplainedFailure {
        Connection db = connection();
        ReentrantLock turn = databaseTurn;
        if (turn == null) {
            return writeBatch(db, requests, mode);
        }
        turn.lock();
        try {
            return writeBatch(db, requests, mode);
        } finally {
            turn.unlock();
        }
    }

    private List<AppendRequest> writeBatch(Connection db, List<AppendRequest> requests, Mode mode)
            throws SQLException, ConstraintSurprise, UnexplainedFailure {
        BatchDecisions batch = mode == Mode.OPTIMISTIC && dialect.movesTheCounterUnlocked() ? decideFromMemory(requests) : null;
        if (batch == null) {
            mode = mode == Mode.OPTIMISTIC ? Mode.FAST : mode;
            batch = decideUnderLock(db, requests, mode != Mode.FAST);
        }
        if (batch.accepted.isEmpty()) {
            rollbackQuietly(db);
            batch.completeAll();
            return List.of();
        }
        BatchHook faults = hook;
        boolean commitWithWrites = mode == Mode.OPTIMISTIC && faults == null && dialect.runsStatementsTogether()
                && headsRemembered(batch);
        StatementPipeline writes = new StatementPipeline(dialect.runsStatementsTogether());
        long lastPosition = batch.nextPosition - 1;
        if (mode == Mode.OPTIMISTIC) {
            LogTables.advanceLogFrom(writes, batch.firstPosition - 1, lastPosition);
        }
        LogTables.insertEvents(writes, batch.acceptedEvents());
        LogTables.moveHeads(writes, batch.headsBefore, batch.headsAfter(), dialect.mergesHeads());
        LogTables.recordCommands(writes, batch.acceptedCommands(), batch.timestamp);
        if (mode != Mode.OPTIMISTIC) {
            LogTables.moveLog(writes, lastPosition);
        }
        if (commitWithWrites) {
            writes.add("COMMIT", 0, (statement, first) -> first);
        }
        boolean guardsHeld;
        try {
            guardsHeld = writes.execute(db);
            if (guardsHeld && faults != null) {
                faults.beforeCommit(db);
            }
        } catch (SQLException failure) {
            if (commitWithWrites && SqlFailures.isConnectionFailure(failure)) {
                return unknownOutcome(batch, failure);
            }
            rollbackQuietly(db);
            if (SqlFailures.isUniqueViolation(failure) || SqlFailures.isCheckViolation(failure)) {
                if (mode == Mode.ALONE) {
                    refuse(requests.get(0), failure);
                    return List.of();
                }
                throw new ConstraintSurprise(mode, failure);
            }
            if (SqlFailures.isLockContention(failure) || SqlFailures.isConnectionFailure(failure)) {
                throw failure;
            }
            if (mode != Mode.ALONE && batch.accepted.size() > 1) {
                // one append's data may be to blame: alone, it fails and the others are written
                throw new UnexplainedFailure(failure);
            }
            return batch.failAccepted(translate(failure));
        } catch (Exception failure) {
            rollbackQuietly(db);
            return batch.failAccepted(new EventStoreException("the append was rolled back; nothing was stored", failure));
        }
        if (commitWithWrites) {
            if (!guardsHeld) {
                // every guard of such a batch fails its statement; a head row vanished under a remembered stream
                LOG.warning("a stream head the writer remembered was missing: a writer outside the event store changed the tables");
                return unknownOutcome(batch, new GuardMissed());
            }
        } else {
            if (!guardsHeld) {
                rollbackQuietly(db);
                GuardMissed moved = new GuardMissed();
                if (mode == Mode.ALONE) {
                    refuse(requests.get(0), moved);
                    return List.of();
                }
                throw new ConstraintSurprise(mode, moved);
            }
            try {
                db.commit();
            } catch (SQLException unknown) {
                return unknownOutcome(batch, unknown);
            }
        }
        if (flushesBatches) {
            try {
                dialect.flushCommitted(db);
            } catch (SQLException unwritten) {
                return unknownOutcome(batch, "the " + batch.accepted.size() + " appends were committed but could not be"
                        + " written to the database file, so they may not survive a restart", unwritten);
            }
        }
        heads.committed(batch.headsAfter(), lastPosition);
        batch.completeAll();
        return List.of();
    }

    /** The commit may have happened or not: nothing the writer remembers can be trusted. */
    private List<AppendRequest> unknownOutcome(BatchDecisions batch, Exception cause) {
        return unknownOutcome(batch, "the commit of " + batch.accepted.size() + " appends failed and may or may not have happened",
                cause);
    }

    private List<AppendRequest> unknownOutcome(BatchDecisions batch, String what, Exception cause) {
        dropConnection();
        heads.invalidate();
        return batch.failAccepted(new AppendOutcomeUnknownException(what + "; retrying with the same event ids is safe", cause));
    }

    /**
     * Whether every stream of the batch is new or at a version the writer remembers: the head of
     * such a stream exists, so its guarded update fails its statement when the version differs
     * rather than changing no row, and the batch can commit without its counts being checked first.
     */
    private boolean headsRemembered(BatchDecisions batch) {
        for (Map.Entry<String, Long> head : batch.headsBefore.entrySet()) {
            if (head.getValue() != 0 && !head.getValue().equals(heads.version(head.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decides the batch from the writer's memory alone, when every append can be decided so and
     * is accepted; null otherwise (a refusal or a repeat is decided from the tables).
     */
    private BatchDecisions decideFromMemory(List<AppendRequest> requests) {
        if (!heads.knowsLastPosition()) {
            return null;
        }
        BatchDecisions batch = new BatchDecisions(heads.lastPosition(), now());
        for (AppendRequest request : requests) {
            Long cached = heads.version(request.streamId);
            if (cached != null) {
                batch.headsBefore.put(request.streamId, cached);
            } else if (request.expected.isAny()) {
                return null;
            } else {
                batch.headsBefore.putIfAbsent(request.streamId, request.expected.value());
            }
        }
        batch.decide(requests);
        return batch.repeated.isEmpty() && batch.refused.isEmpty() ? batch : null;
    }

    /** Decides the batch under the log counter's lock, reading what the writer does not know (all of it when {@code exact}). */
    private BatchDecisions decideUnderLock(Connection db, List<AppendRequest> requests, boolean exact) throws SQLException {
        try {
            long lastPosition = LogTables.lockLog(db);
            heads.checkAgainst(lastPosition);
            BatchDecisions batch = new BatchDecisions(lastPosition, now());
            if (exact) {
                batch.storedIds.putAll(LogTables.findStoredIds(db, allEventIds(requests)));
                batch.storedCommands.addAll(LogTables.findStoredCommands(db, commandIds(requests)));
            }
            batch.headsBefore.putAll(readHeads(db, requests, exact));
            batch.decide(requests);
            List<UUID> refusedIds = batch.idsRefusedForVersion();
            if (!refusedIds.isEmpty() && !exact) {
                batch.storedIds.putAll(LogTables.findStoredIds(db, refusedIds));
                batch.decideRefusedAgain();
            }
            return batch;
        } catch (SQLException failure) {
            rollbackQuietly(db);
            throw failure;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection fresh = dataSource.getConnection();
            try {
                fresh.setAutoCommit(false);
                fresh.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                dialect = Dialect.of(fresh);
                flushesBatches = dialect.prepareWriterSession(fresh, settings.lockTimeout());
                String database = dialect.databaseIdentity(fresh);
                Path file = flushesBatches ? dialect.fileToSync(database) : null;
                if (file != null && fileSync == null) {
                    fileSync = FileSync.start(file, Dialect.FILE_SYNC_MILLIS, threads);
                }
                databaseTurn = dialect.writersTakeTurnsInProcess()
                        ? TURNS.computeIfAbsent(database, identity -> new ReentrantLock())
                        : null;
                fresh.commit();
            } catch (SQLException | RuntimeException failure) {
                closeQuietly(fresh);
                throw failure;
            }
            connection = fresh;
        }
        return connection;
    }

    private void stopFileSync() {
        FileSync sync = fileSync;
        if (sync != null) {
            sync.close();
        }
    }

    private void dropConnection() {
        if (connection != null) {
            rollbackQuietly(connection);
            closeQuietly(connection);
            connection = null;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private Map<String, Long> readHeads(Connection db, List<AppendRequest> requests, boolean exact) throws SQLException {
        Map<String, Long> known = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (AppendRequest request : requests) {
            String stream = request.streamId;
            if (known.containsKey(stream) || unknown.contains(stream)) {
                continue;
            }
            Long cached = exact ? null : heads.version(stream);
            if (cached != null) {
                known.put(stream, cached);
            } else {
                unknown.add(stream);
            }
        }
        Map<String, Long> read = LogTables.streamVersions(db, unknown);
        heads.learn(read);
        known.putAll(read);
        return known;
    }

    /**
     * Refuses the one append of an exact batch that a constraint or head guard stopped although every
     * look-up let it pass: something outside this protocol wrote to the tables. Which rule it broke
     * is read from the tables, not from the driver's message (H2 names a primary key by an
     * internal index name).
     */
    private void refuse(AppendRequest request, Exception stopped) throws SQLException {
        Connection db = connection();
        RuntimeException reason;
        try {
            List<UUID> ids = request.events.stream().map(NewEvent::eventId).toList();
            Map<UUID, EventLocation> stored = LogTables.findStoredIds(db, ids);
            long actual = LogTables.highestVersion(db, request.streamId);
            if (request.commandId != null && !LogTables.findStoredCommands(db, List.of(request.commandId)).isEmpty()) {
                reason = new DuplicateCommandException(request.commandId);
            } else if (!stored.isEmpty()) {
                UUID first = ids.stream().filter(stored::containsKey).findFirst().orElseThrow();
                reason = new EventIdConflictException(first, "is already stored at " + stored.get(first).streamId()
                        + "@" + stored.get(first).version());
            } else if (!request.expected.matches(actual)) {
                reason = new StreamVersionConflictException(request.streamId, request.expected, actual);
            } else {
                reason = new EventStoreException("the global log's counter is behind its events (a row was written "
                        + "outside the event store); nothing was stored", stopped);
            }
        } finally {
            rollbackQuietly(db);
        }
        LOG.log(Level.WARNING, stopped, () -> "the tables disagree with the stream heads or the log counter: "
                + "a writer outside the event store changed them; refused an append to " + request.streamId);
        request.result.completeExceptionally(reason);
    }

    private static List<UUID> allEventIds(List<AppendRequest> requests) {
        List<UUID> ids = new ArrayList<>();
        for (AppendRequest request : requests) {
            for (NewEvent event : request.events) {
                ids.add(event.eventId());
            }
        }
        return ids;
    }

    private static List<UUID> commandIds(List<AppendRequest> requests) {
        return requests.stream().map(request -> request.commandId).filter(Objects::nonNull).toList();
    }

    private static void failAll(List<AppendRequest> requests, RuntimeException failure) {
        for (AppendRequest request : requests) {
            request.result.completeExceptionally(failure);
        }
    }

    private static void rollbackQuietly(Connection db) {
        try {
            db.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is broken; whoever uses it next finds out and reconnects
        }
    }

    private static void closeQuietly(Connection db) {
        try {
            db.close();
        } catch (SQLException | RuntimeException ignored) {
            // closing a broken connection can fail; it is gone either way
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L << Math.min(attempt, 6));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A statement of the batch failed, and it may be the fault of one append's data. */
    private static final class UnexplainedFailure extends Exception {
        UnexplainedFailure(SQLException cause) {
            super(cause);
        }
    }

    /** A guarded update found no row: the tables are not where the batch was decided from. */
    private static final class GuardMissed extends Exception {
        GuardMissed() {
            super("a guarded update found no row at the version or position the batch was decided from");
        }
    }

    /** A unique constraint or a head guard refused what the writer decided from its view of the tables. */
    private static final class ConstraintSurprise extends Exception {
        final Mode mode;

        ConstraintSurprise(Mode mode, Exception cause) {
            super(cause);
            this.mode = mode;
        }
    }
}
