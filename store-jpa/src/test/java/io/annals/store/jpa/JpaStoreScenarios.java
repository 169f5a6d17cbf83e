package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.store.AppendOutcomeUnknownException;
import io.annals.core.store.AppendResult;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.EventStoreException;
import io.annals.core.store.EventStoreUnavailableException;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.Snapshot;
import io.annals.core.store.StoredEvent;
import io.annals.core.store.StreamVersionConflictException;
import io.annals.core.testing.EventStoreContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Core's event store contract on the JPA store, and what the JPA store promises beyond it, run
 * against each database: the gap-free log under concurrent writers, rollbacks and two instances;
 * racing writers; the writer's recovery paths; checkpoints, snapshots and migrations. Cases share
 * one database and use their own streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaStoreScenarios extends EventStoreContract {

    static final String FORCED = "forced rollback";

    TestDatabase database;
    StandaloneStores stores;
    JpaEventStore store;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open() {
        database = createDatabase();
        stores = database.openStores(JpaEventStoreSettings.defaults());
        store = stores.eventStore();
    }

    @AfterEach
    void removeHook() {
        store.batchHook(null);
    }

    @AfterAll
    void close() {
        stores.close();
        database.close();
    }

    @Override
    protected EventStore store() {
        return store;
    }

    static String newStream(String name) {
        return name + "-" + UUID.randomUUID();
    }


    @Test
    void theGlobalLogIsGapFreeAndCommitOrderedUnderTwoInstancesRollbacksAndConflicts() throws Exception {
        writeFromTwoInstances(true);
    }

    /** Without fault injection a batch the writer decided from memory commits in the round trip of its writes. */
    @Test
    void theGlobalLogIsGapFreeAndCommitOrderedUnderTwoInstancesWhenBatchesCommitWithTheirWrites() throws Exception {
        writeFromTwoInstances(false);
    }

    private void writeFromTwoInstances(boolean injectFaults) throws Exception {
        try (StandaloneStores secondInstance = database.openStores(JpaEventStoreSettings.defaults())) {
            List<JpaEventStore> instances = List.of(store, secondInstance.eventStore());
            AtomicInteger forcedRollbacks = new AtomicInteger();
            GroupCommitWriter.BatchHook chaos = connection -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Thread.sleep(random.nextInt(3));
                if (random.nextInt(10) == 0) {
                    forcedRollbacks.incrementAndGet();
                    throw new IllegalStateException(FORCED);
                }
            };
            if (injectFaults) {
                instances.forEach(instance -> instance.batchHook(chaos));
            }

            List<String> streams = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                streams.add(newStream("gap-free"));
            }
            long start = store.headPosition();
            Acknowledged acknowledged = new Acknowledged();
            Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
            AtomicInteger conflicts = new AtomicInteger();
            AtomicBoolean writing = new AtomicBoolean(true);
            TailingReader reader = new TailingReader(store, start, writing);
            Thread readerThread = new Thread(reader, "tailing-reader");
            readerThread.start();

            runConcurrently(8, writer -> {
                EventStore instance = instances.get(writer % 2);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 40; i++) {
                    String stream = streams.get(random.nextInt(streams.size()));
                    List<NewEvent> batch = events(1 + random.nextInt(3));
                    try {
                        long seen = instance.streamVersion(stream);
                        acknowledged.add(instance.append(stream, ExpectedVersion.of(seen), batch));
                    } catch (StreamVersionConflictException lost) {
                        conflicts.incrementAndGet();
                    } catch (EventStoreException failed) {
                        if (!(failed.getCause() instanceof IllegalStateException forced) || !FORCED.equals(forced.getMessage())) {
                            throw failed;
                        }
                        batch.forEach(event -> rolledBack.add(event.eventId()));
                    }
                }
            });
            writing.set(false);
            readerThread.join(TimeUnit.SECONDS.toMillis(60));

            assertEquals(List.of(), reader.errors, "the tailing reader saw a hole or a position out of order");
            List<StoredEvent> seen = reader.seen;
            long end = store.headPosition();
            assertEquals(end - start, seen.size(), "the reader saw every position up to the head once");
            assertEquals(database.queryLong("SELECT MAX(global_position) FROM annals_events"),
                    database.queryLong("SELECT last_position FROM annals_log"), "the log counter holds the last position");
            Map<UUID, Long> seenPositions = new HashMap<>();
            for (StoredEvent event : seen) {
                assertEquals(null, seenPositions.put(event.eventId(), event.position()), "an event appeared twice");
            }
            assertEquals(acknowledged.events.size(), seen.size(), "exactly the acknowledged events were stored");
            for (StoredEvent event : acknowledged.events) {
                assertEquals(event.position(), seenPositions.get(event.eventId()), "acknowledged at the position read");
            }
            for (UUID id : rolledBack) {
                assertFalse(seenPositions.containsKey(id), "a rolled-back event was stored");
            }
            for (String stream : streams) {
                List<StoredEvent> history = store.readStream(stream, 1);
                for (int i = 0; i < history.size(); i++) {
                    assertEquals(i + 1, history.get(i).version(), "stream versions are contiguous");
                }
            }
            assertTrue(conflicts.get() > 0, "some writers lost a race");
            if (injectFaults) {
                assertTrue(forcedRollbacks.get() > 0, "some batches were rolled back");
                assertTrue(!rolledBack.isEmpty(), "some appends failed with their batch");
            }
        }
    }

    @Test
    void thirtyTwoRacingWritersOnOneStreamLeaveContiguousVersionsAndRefuseEveryLoser() throws Exception {
        String stream = newStream("race");
        int writers = 32;
        int attemptsEach = 6;
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        runConcurrently(writers, writer -> {
            for (int i = 0; i < attemptsEach; i++) {
                long seen = store.streamVersion(stream);
                try {
                    store.append(stream, ExpectedVersion.of(seen), events(1));
                    successes.incrementAndGet();
                } catch (StreamVersionConflictException lost) {
                    assertEquals(stream, lost.streamId());
                    assertTrue(lost.actual() > seen, "the winner moved the stream past what the loser read");
                    conflicts.incrementAndGet();
                }
            }
        });

        List<StoredEvent> stored = store.readStream(stream, 1);
        assertEquals(writers * attemptsEach, successes.get() + conflicts.get());
        assertEquals(successes.get(), stored.size());
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(i + 1, stored.get(i).version());
        }
        assertEquals(stored.size(), store.streamVersion(stream));
        assertTrue(conflicts.get() > 0, "32 writers racing on one stream must collide");
    }

    @Test
    void aSecondInstanceSeesEveryAppendOfTheFirst() {
        try (StandaloneStores other = database.openStores(JpaEventStoreSettings.defaults())) {
            JpaEventStore second = other.eventStore();
            String stream = newStream("two-instances");
            store.append(stream, ExpectedVersion.NO_STREAM, events(2));
            second.append(stream, ExpectedVersion.exactly(2), events(1));

            StreamVersionConflictException stale = assertThrows(StreamVersionConflictException.class,
                    () -> store.append(stream, ExpectedVersion.exactly(2), events(1)));
            assertEquals(3, stale.actual());
            assertEquals(4, store.append(stream, ExpectedVersion.exactly(3), events(1)).streamVersion());

            String created = newStream("two-instances");
            second.append(created, ExpectedVersion.NO_STREAM, events(1));
            assertThrows(StreamVersionConflictException.class,
                    () -> store.append(created, ExpectedVersion.NO_STREAM, events(1)));
            assertEquals(List.of(1L, 2L, 3L, 4L), second.readStream(stream, 1).stream().map(StoredEvent::version).toList());
        }
    }

    @Test
    void aStreamTheWriterDoesNotRememberIsCheckedAgainstItsHead() {
        List<ExpectedVersion> wrong = List.of(ExpectedVersion.NO_STREAM, ExpectedVersion.exactly(2), ExpectedVersion.exactly(5));
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < wrong.size(); i++) {
            streams.add(newStream("unremembered"));
            store.append(streams.get(i), ExpectedVersion.NO_STREAM, events(3));
        }
        try (StandaloneStores restarted = database.openStores(JpaEventStoreSettings.defaults())) {
            JpaEventStore fresh = restarted.eventStore();
            // its writer now knows the log's last position, but none of the streams above
            fresh.append(newStream("warm-up"), ExpectedVersion.NO_STREAM, events(1));
            long head = fresh.headPosition();

            for (int i = 0; i < wrong.size(); i++) {
                String stream = streams.get(i);
                ExpectedVersion expected = wrong.get(i);
                StreamVersionConflictException conflict = assertThrows(StreamVersionConflictException.class,
                        () -> fresh.append(stream, expected, events(1)), expected::toString);
                assertEquals(3, conflict.actual());
            }
            assertEquals(head, fresh.headPosition(), "nothing was stored");
            for (String stream : streams) {
                assertEquals(4, fresh.append(stream, ExpectedVersion.exactly(3), events(1)).streamVersion());
                assertEquals(List.of(1L, 2L, 3L, 4L), fresh.readStream(stream, 1).stream().map(StoredEvent::version).toList());
            }
            assertEquals(head + 3, fresh.headPosition());
        }
    }

    @Test
    void aRowWrittenOutsideTheWriterIsCaughtByTheUniqueConstraint() {
        String stream = newStream("outsider");
        store.append(stream, ExpectedVersion.NO_STREAM, events(1));
        long head = store.headPosition();
        long farAway = head + 1_000_000;
        database.execute("INSERT INTO annals_events (global_position, stream_id, stream_version, event_id, event_type, "
                + "schema_version, payload, metadata, occurred_at) VALUES (" + farAway + ", '" + stream + "', 2, '"
                + UUID.randomUUID() + "', 'Outsider', 1, '{}', '{}', CURRENT_TIMESTAMP)");
        try {
            StreamVersionConflictException conflict = assertThrows(StreamVersionConflictException.class,
                    () -> store.append(stream, ExpectedVersion.exactly(1), events(1)));

            assertEquals(ExpectedVersion.exactly(1), conflict.expected());
            assertEquals(2, conflict.actual());
            assertEquals(head, store.headPosition());
            String other = newStream("outsider");
            assertEquals(head + 1, store.append(other, ExpectedVersion.NO_STREAM, events(1)).lastPosition(),
                    "the writer goes on at the next position");
        } finally {
            database.execute("DELETE FROM annals_events WHERE global_position = " + farAway);
        }
    }

    @Test
    void aPositionTakenOutsideTheWriterFailsTheAppendLoudlyAndStoresNothing() {
        long head = store.headPosition();
        database.execute("INSERT INTO annals_events (global_position, stream_id, stream_version, event_id, event_type, "
                + "schema_version, payload, metadata, occurred_at) VALUES (" + (head + 1) + ", '" + newStream("squatter")
                + "', 1, '" + UUID.randomUUID() + "', 'Squatter', 1, '{}', '{}', CURRENT_TIMESTAMP)");
        String stream = newStream("behind-counter");
        try {
            EventStoreException failure = assertThrows(EventStoreException.class,
                    () -> store.append(stream, ExpectedVersion.NO_STREAM, events(1)));

            assertTrue(failure.getMessage().contains("counter is behind"), failure.getMessage());
            assertEquals(0, store.streamVersion(stream));
            assertEquals(head, store.headPosition());
        } finally {
            database.execute("DELETE FROM annals_events WHERE global_position = " + (head + 1));
        }
        assertEquals(head + 1, store.append(stream, ExpectedVersion.NO_STREAM, events(1)).lastPosition());
    }

    @Test
    void aFailedCommitIsAnUnknownOutcomeAndRetryingWithTheSameEventsIsSafe() {
        String stream = newStream("unknown-outcome");
        long head = store.headPosition();
        List<NewEvent> batch = events(2);
        AtomicBoolean once = new AtomicBoolean(true);
        store.batchHook(connection -> {
            if (once.getAndSet(false)) {
                connection.close();
            }
        });

        assertThrows(AppendOutcomeUnknownException.class, () -> store.append(stream, ExpectedVersion.NO_STREAM, batch));

        assertEquals(head, store.headPosition(), "the connection closed before the commit, so nothing landed");
        AppendResult retried = store.append(stream, ExpectedVersion.NO_STREAM, batch);
        assertFalse(retried.repeated());
        assertEquals(List.of(head + 1, head + 2), retried.events().stream().map(StoredEvent::position).toList());
        assertTrue(store.append(stream, ExpectedVersion.NO_STREAM, batch).repeated(), "a second retry is a repeat");
    }

    @Test
    void aRolledBackBatchLeavesNoHoleAndTheNextBatchReusesItsPositions() {
        long head = store.headPosition();
        AtomicBoolean once = new AtomicBoolean(true);
        store.batchHook(connection -> {
            if (once.getAndSet(false)) {
                throw new IllegalStateException(FORCED);
            }
        });
        String stream = newStream("rollback");
        List<NewEvent> batch = events(3);

        EventStoreException failed = assertThrows(EventStoreException.class,
                () -> store.append(stream, ExpectedVersion.NO_STREAM, batch));
        assertEquals(FORCED, failed.getCause().getMessage());
        assertEquals(0, store.streamVersion(stream));
        assertEquals(head, store.headPosition());

        AppendResult appended = store.append(stream, ExpectedVersion.NO_STREAM, events(1));
        assertEquals(head + 1, appended.lastPosition());
    }

    @Test
    void aBatchThatFailsForNoCommonReasonIsWrittenAppendByAppend() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        store.batchHook(connection -> {
            int batch = batches.incrementAndGet();
            if (batch == 1) {
                holding.countDown();
                release.await(30, TimeUnit.SECONDS);
            } else if (batch == 2) {
                throw new SQLException("value too long for one append's column", "22001");
            }
        });
        ExecutorService callers = Executors.newCachedThreadPool();
        try {
            Future<AppendResult> blocker = callers.submit(() -> store.append(newStream("isolate"), ExpectedVersion.NO_STREAM, events(1)));
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            List<Future<AppendResult>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(callers.submit(() -> store.append(newStream("isolate"), ExpectedVersion.NO_STREAM, events(1))));
            }
            waitUntil(() -> store.queuedAppends() == 3);
            release.countDown();

            blocker.get(30, TimeUnit.SECONDS);
            for (Future<AppendResult> append : queued) {
                assertEquals(1, append.get(30, TimeUnit.SECONDS).streamVersion());
            }
            assertEquals(5, batches.get(), "the blocker, the failed batch of three, then three batches of one");
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void refusesWhatTheColumnsCannotHoldBeforeItReachesABatch() {
        long head = store.headPosition();
        NewEvent longType = new NewEvent(UUID.randomUUID(), "T".repeat(JpaEventStore.MAX_TYPE_LENGTH + 1), 1, "{}", METADATA);
        NewEvent nul = new NewEvent(UUID.randomUUID(), "Nul", 1, "{\"s\":\"a\u0000b\"}", METADATA);

        assertThrows(IllegalArgumentException.class, () -> store.append(newStream("columns"), ExpectedVersion.ANY, List.of(longType)));
        assertThrows(IllegalArgumentException.class, () -> store.append(newStream("columns"), ExpectedVersion.ANY, List.of(nul)));
        assertEquals(head, store.headPosition());
    }

    @Test
    void aRefusedAppendNeverFailsTheOthersInItsBatch() throws Exception {
        String existing = newStream("batch");
        List<NewEvent> firstEvents = events(1);
        store.append(existing, ExpectedVersion.NO_STREAM, firstEvents);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        store.batchHook(connection -> {
            if (batches.incrementAndGet() == 1) {
                holding.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
        });
        ExecutorService callers = Executors.newCachedThreadPool();
        try {
            Future<AppendResult> blocker = callers.submit(() -> store.append(newStream("batch"), ExpectedVersion.NO_STREAM, events(1)));
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            List<Future<AppendResult>> good = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                good.add(callers.submit(() -> store.append(newStream("batch"), ExpectedVersion.NO_STREAM, events(2))));
            }
            Future<AppendResult> stale = callers.submit(() -> store.append(existing, ExpectedVersion.NO_STREAM, events(1)));
            Future<AppendResult> repeat = callers.submit(() -> store.append(existing, ExpectedVersion.NO_STREAM, firstEvents));
            waitUntil(() -> store.queuedAppends() == 7);
            release.countDown();

            blocker.get(30, TimeUnit.SECONDS);
            Set<Long> positions = new HashSet<>();
            for (Future<AppendResult> append : good) {
                AppendResult result = append.get(30, TimeUnit.SECONDS);
                result.events().forEach(event -> positions.add(event.position()));
            }
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> stale.get(30, TimeUnit.SECONDS));
            assertInstanceOf(StreamVersionConflictException.class, refused.getCause());
            assertTrue(repeat.get(30, TimeUnit.SECONDS).repeated());
            assertEquals(2, batches.get(), "the appends queued behind the first batch were written as one");
            assertEquals(10, positions.size());
            assertEquals(Collections.max(positions) - Collections.min(positions), 9, "one batch, consecutive positions");
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void aLockedLogTimesOutAsUnavailableAndStoresNothing() throws Exception {
        JpaEventStoreSettings impatient = JpaEventStoreSettings.defaults().withLockTimeout(Duration.ofMillis(200));
        try (StandaloneStores other = database.openStores(impatient); Connection blocker = database.connect()) {
            String stream = newStream("locked");
            long head = store.headPosition();
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement();
                 ResultSet locked = statement.executeQuery("SELECT last_position FROM annals_log WHERE id = 1 FOR UPDATE")) {
                assertTrue(locked.next());
                EventStoreUnavailableException busy = assertThrows(EventStoreUnavailableException.class,
                        () -> other.eventStore().append(stream, ExpectedVersion.NO_STREAM, events(1)));
                SQLException cause = SqlFailures.sqlCause(busy).orElseThrow();
                assertTrue(SqlFailures.isLockContention(cause), cause.getSQLState());
            } finally {
                blocker.rollback();
            }
            assertEquals(head, store.headPosition());
            assertEquals(1, other.eventStore().append(stream, ExpectedVersion.NO_STREAM, events(1)).streamVersion());
        }
    }

    @Test
    void theLargestAllowedPayloadIsStoredAndReadBackUnchanged() {
        String prefix = "{\"text\":\"";
        String payload = prefix + "é".repeat(EventStore.MAX_PAYLOAD_CHARS - prefix.length() - 2) + "\"}";
        assertEquals(EventStore.MAX_PAYLOAD_CHARS, payload.length());
        String stream = newStream("large");
        store.append(stream, ExpectedVersion.NO_STREAM, List.of(new NewEvent(UUID.randomUUID(), "Large", 1, payload, METADATA)));

        assertEquals(payload, store.readStream(stream, 1).get(0).data());
    }

    @Test
    void appendedAndReadEventsAreEqual() {
        String stream = newStream("round-trip");
        NewEvent event = new NewEvent(UUID.randomUUID(), "Detailed", 3, "{\"b\": 1,  \"a\": [2, 3.50]}",
                new EventMetadata("corr-7", "cause-7", "alice", "acme"));
        AppendResult appended = store.append(stream, ExpectedVersion.NO_STREAM, List.of(event));

        assertEquals(appended.events(), store.readStream(stream, 1));
        assertEquals(appended.events(), store.readAll(appended.lastPosition() - 1, 1));
        assertEquals("{\"b\": 1,  \"a\": [2, 3.50]}", store.readStream(stream, 1).get(0).data(), "JSON kept as written");
    }

    @Test
    void refusesBlankStreamIdsOnReadsToo() {
        assertThrows(IllegalArgumentException.class, () -> store.readStream(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> store.streamVersion(null));
        assertThrows(IllegalArgumentException.class, () -> store.readAll(0, 0));
        assertThrows(IllegalArgumentException.class, () -> store.recordCommandOutcome(UUID.randomUUID(), "{}"));
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        String stream = newStream("snapshot");
        store.saveSnapshot(new Snapshot(stream, 20, "State", "{\"v\":20}"));
        store.saveSnapshot(new Snapshot(stream, 10, "State", "{\"v\":10}"));

        assertEquals(20, store.latestSnapshot(stream).orElseThrow().version());
    }

    @Test
    void racingSnapshotSavesLeaveTheNewest() throws Exception {
        for (int round = 0; round < 20; round++) {
            String stream = newStream("snapshot-race");
            runConcurrently(8, saver -> {
                long version = (saver + 1) * 10L;
                store.saveSnapshot(new Snapshot(stream, version, "State", "{\"v\":" + version + "}"));
            });

            Snapshot latest = store.latestSnapshot(stream).orElseThrow();
            assertEquals(80, latest.version());
            assertEquals("{\"v\":80}", latest.data());
        }
    }

    @Test
    void checkpointsMoveWithTheirBatchAndReset() {
        JpaCheckpointStore checkpoints = stores.checkpointStore();
        String processor = "projection-" + UUID.randomUUID();
        AtomicInteger ran = new AtomicInteger();
        assertEquals(0, checkpoints.position(processor));

        checkpoints.commit(processor, 5, ran::incrementAndGet);
        checkpoints.commit(processor, 9, ran::incrementAndGet);
        assertEquals(9, checkpoints.position(processor));
        assertEquals(2, ran.get());

        checkpoints.reset(processor);
        assertEquals(0, checkpoints.position(processor));
    }

    @Test
    void aFailingBatchLeavesTheCheckpointWhereItWas() {
        JpaCheckpointStore checkpoints = stores.checkpointStore();
        String processor = "projection-" + UUID.randomUUID();
        checkpoints.commit(processor, 3, () -> { });

        assertThrows(IllegalStateException.class, () -> checkpoints.commit(processor, 7, () -> {
            throw new IllegalStateException("read model refused");
        }));
        assertEquals(3, checkpoints.position(processor));
    }

    @Test
    void aBatchAnotherInstanceAlreadyCheckpointedIsNotAppliedAgain() {
        JpaCheckpointStore checkpoints = stores.checkpointStore();
        String processor = "projection-" + UUID.randomUUID();
        AtomicInteger ran = new AtomicInteger();
        checkpoints.commit(processor, 8, ran::incrementAndGet);

        checkpoints.commit(processor, 8, ran::incrementAndGet);
        assertEquals(1, ran.get());
        assertEquals(8, checkpoints.position(processor));
    }

    @Test
    void migratingIsRepeatableAndAcceptsASchemaWithOtherTables() throws SQLException {
        try (TestDatabase fresh = createDatabase()) {
            fresh.execute("CREATE TABLE app_orders (id INTEGER PRIMARY KEY)");
            DriverManagerDataSource dataSource = new DriverManagerDataSource(fresh.url(), null, null);
            AnnalsSchema.migrate(dataSource);
            AnnalsSchema.migrate(dataSource);
            try (Connection connection = fresh.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT last_position FROM annals_log")) {
                assertTrue(rows.next());
                assertEquals(0, rows.getLong(1));
                assertFalse(rows.next());
            }
        }
    }

    /** Acknowledged appends, collected from many threads. */
    static final class Acknowledged {
        final ConcurrentLinkedQueue<StoredEvent> events = new ConcurrentLinkedQueue<>();

        void add(AppendResult result) {
            events.addAll(result.events());
        }
    }

    /** Polls the global log like a processor does and records any hole or disorder. */
    static final class TailingReader implements Runnable {
        final List<StoredEvent> seen = new ArrayList<>();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private final EventStore store;
        private final AtomicBoolean writing;
        private final AtomicLong checkpoint;

        TailingReader(EventStore store, long start, AtomicBoolean writing) {
            this.store = store;
            this.writing = writing;
            this.checkpoint = new AtomicLong(start);
        }

        @Override
        public void run() {
            try {
                while (writing.get() || checkpoint.get() < store.headPosition()) {
                    List<StoredEvent> page = store.readAll(checkpoint.get(), 50);
                    for (StoredEvent event : page) {
                        if (event.position() != checkpoint.get() + 1) {
                            errors.add("after " + checkpoint.get() + " came " + event.position());
                        }
                        checkpoint.set(event.position());
                        seen.add(event);
                    }
                    if (page.isEmpty()) {
                        Thread.sleep(1);
                    }
                }
            } catch (InterruptedException | RuntimeException e) {
                errors.add("the reader failed: " + e);
            }
        }
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
