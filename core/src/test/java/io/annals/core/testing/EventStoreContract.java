package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.store.AppendResult;
import io.annals.core.store.DuplicateCommandException;
import io.annals.core.store.EventIdConflictException;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.Snapshot;
import io.annals.core.store.StoredEvent;
import io.annals.core.store.StreamVersionConflictException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The event store contract of SPEC.md. Every {@link EventStore} extends this class and passes the
 * same cases. A store may be shared between the cases of one run: each case uses its own streams and
 * reasons about positions relative to the head it found.
 */
public abstract class EventStoreContract {

    protected static final EventMetadata METADATA = new EventMetadata("corr-1", "cause-1", "alice", null);

    /** The store under test. */
    protected abstract EventStore store();

    protected static String newStream() {
        return "contract-" + UUID.randomUUID();
    }

    protected static NewEvent event(String type, String json) {
        return new NewEvent(UUID.randomUUID(), type, 1, json, METADATA);
    }

    protected static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event("Counted", "{\"n\":" + i + "}"));
        }
        return events;
    }

    @Test
    void appendsToANewStreamWithContiguousVersionsAndPositions() {
        String stream = newStream();
        long head = store().headPosition();
        AppendResult result = store().append(stream, ExpectedVersion.NO_STREAM, events(3));

        assertEquals(3, result.streamVersion());
        assertFalse(result.repeated());
        List<StoredEvent> stored = store().readStream(stream, 1);
        assertEquals(List.of(1L, 2L, 3L), stored.stream().map(StoredEvent::version).toList());
        assertEquals(List.of(head + 1, head + 2, head + 3), stored.stream().map(StoredEvent::position).toList());
        assertEquals(head + 3, store().headPosition());
        assertEquals(3, store().streamVersion(stream));
    }

    @Test
    void storesTypeSchemaVersionPayloadMetadataAndTimestamp() {
        String stream = newStream();
        NewEvent written = new NewEvent(UUID.randomUUID(), "MoneyDeposited", 2, "{\"amount\":100.50}", METADATA);
        store().append(stream, ExpectedVersion.NO_STREAM, List.of(written));

        StoredEvent read = store().readStream(stream, 1).get(0);
        assertEquals(written.eventId(), read.eventId());
        assertEquals(stream, read.streamId());
        assertEquals("MoneyDeposited", read.type());
        assertEquals(2, read.schemaVersion());
        assertEquals(METADATA, read.metadata());
        assertTrue(read.data().replace(" ", "").contains("\"amount\":100.50"), read.data());
        assertNotNull(read.occurredAt());
    }

    @Test
    void refusesNoStreamWhenTheStreamExistsAndStoresNothing() {
        String stream = newStream();
        store().append(stream, ExpectedVersion.NO_STREAM, events(2));
        long head = store().headPosition();

        StreamVersionConflictException conflict = assertThrows(StreamVersionConflictException.class,
                () -> store().append(stream, ExpectedVersion.NO_STREAM, events(1)));

        assertEquals(stream, conflict.streamId());
        assertEquals(ExpectedVersion.NO_STREAM, conflict.expected());
        assertEquals(2, conflict.actual());
        assertTrue(conflict.getMessage().contains(stream));
        assertEquals(head, store().headPosition());
        assertEquals(2, store().streamVersion(stream));
    }

    @Test
    void acceptsTheExactCurrentVersionAndRefusesAStaleOne() {
        String stream = newStream();
        store().append(stream, ExpectedVersion.NO_STREAM, events(2));

        assertEquals(3, store().append(stream, ExpectedVersion.exactly(2), events(1)).streamVersion());
        StreamVersionConflictException conflict = assertThrows(StreamVersionConflictException.class,
                () -> store().append(stream, ExpectedVersion.exactly(2), events(1)));
        assertEquals(3, conflict.actual());
        assertEquals(3, store().streamVersion(stream));
    }

    @Test
    void refusesAnExactVersionForAMissingStream() {
        String stream = newStream();
        StreamVersionConflictException conflict = assertThrows(StreamVersionConflictException.class,
                () -> store().append(stream, ExpectedVersion.exactly(1), events(1)));
        assertEquals(0, conflict.actual());
        assertEquals(0, store().streamVersion(stream));
    }

    @Test
    void anyAppendsToNewAndExistingStreams() {
        String stream = newStream();
        store().append(stream, ExpectedVersion.ANY, events(1));
        assertEquals(3, store().append(stream, ExpectedVersion.ANY, events(2)).streamVersion());
    }

    @Test
    void reSendingTheSameEventsAtTheSamePositionSucceedsWithoutDuplicates() {
        String stream = newStream();
        List<NewEvent> batch = events(2);
        AppendResult first = store().append(stream, ExpectedVersion.NO_STREAM, batch);
        long head = store().headPosition();

        AppendResult again = store().append(stream, ExpectedVersion.NO_STREAM, batch);
        AppendResult againWithAny = store().append(stream, ExpectedVersion.ANY, batch);

        assertTrue(again.repeated());
        assertTrue(againWithAny.repeated());
        assertEquals(first.events().stream().map(StoredEvent::position).toList(),
                again.events().stream().map(StoredEvent::position).toList());
        assertEquals(head, store().headPosition());
        assertEquals(2, store().readStream(stream, 1).size());
    }

    @Test
    void idempotencyIsCheckedBeforeTheVersion() {
        String stream = newStream();
        List<NewEvent> batch = events(1);
        store().append(stream, ExpectedVersion.NO_STREAM, batch);
        store().append(stream, ExpectedVersion.exactly(1), events(1));

        AppendResult repeat = store().append(stream, ExpectedVersion.NO_STREAM, batch);

        assertTrue(repeat.repeated());
        assertEquals(2, store().streamVersion(stream));
    }

    @Test
    void refusesAnEventIdStoredAtAnotherPosition() {
        String stream = newStream();
        List<NewEvent> batch = events(1);
        store().append(stream, ExpectedVersion.NO_STREAM, batch);
        long head = store().headPosition();

        assertThrows(EventIdConflictException.class, () -> store().append(newStream(), ExpectedVersion.ANY, batch));
        assertThrows(EventIdConflictException.class, () -> store().append(stream, ExpectedVersion.exactly(1), batch));
        assertEquals(head, store().headPosition());
    }

    @Test
    void refusesAPartialOverlapAndStoresNothing() {
        String stream = newStream();
        List<NewEvent> batch = events(2);
        store().append(stream, ExpectedVersion.NO_STREAM, batch.subList(0, 1));
        long head = store().headPosition();

        EventIdConflictException conflict = assertThrows(EventIdConflictException.class,
                () -> store().append(stream, ExpectedVersion.ANY, batch));

        assertEquals(batch.get(0).eventId(), conflict.eventId());
        assertEquals(head, store().headPosition());
        assertEquals(1, store().streamVersion(stream));
    }

    @Test
    void readsAStreamFromAVersion() {
        String stream = newStream();
        store().append(stream, ExpectedVersion.NO_STREAM, events(5));

        assertEquals(List.of(3L, 4L, 5L), store().readStream(stream, 3).stream().map(StoredEvent::version).toList());
        assertEquals(List.of(), store().readStream(stream, 6));
        assertEquals(List.of(), store().readStream(newStream(), 1));
    }

    @Test
    void readsTheGlobalLogAfterAPositionWithALimit() {
        long head = store().headPosition();
        String first = newStream();
        String second = newStream();
        store().append(first, ExpectedVersion.NO_STREAM, events(2));
        store().append(second, ExpectedVersion.NO_STREAM, events(2));
        store().append(first, ExpectedVersion.exactly(2), events(1));

        List<StoredEvent> page = store().readAll(head + 1, 3);
        assertEquals(List.of(head + 2, head + 3, head + 4), page.stream().map(StoredEvent::position).toList());
        assertEquals(List.of(first, second, second), page.stream().map(StoredEvent::streamId).toList());
        assertEquals(1, store().readAll(head + 4, 100).size());
        assertEquals(List.of(), store().readAll(head + 5, 100));
    }

    @Test
    void aMissingStreamIsAtVersionZero() {
        assertEquals(0, store().streamVersion(newStream()));
    }

    @Test
    void refusesBadInputAndStoresNothing() {
        long head = store().headPosition();
        assertThrows(IllegalArgumentException.class, () -> store().append(null, ExpectedVersion.ANY, events(1)));
        assertThrows(IllegalArgumentException.class, () -> store().append("  ", ExpectedVersion.ANY, events(1)));
        assertThrows(IllegalArgumentException.class, () -> store().append(newStream(), ExpectedVersion.ANY, List.of()));
        assertThrows(IllegalArgumentException.class, () -> store().append(newStream(), null, events(1)));
        assertThrows(IllegalArgumentException.class, () -> ExpectedVersion.exactly(0));
        assertThrows(IllegalArgumentException.class, () -> new ExpectedVersion(-2));
        String oversize = "{\"s\":\"" + "x".repeat(EventStore.MAX_PAYLOAD_CHARS) + "\"}";
        assertThrows(IllegalArgumentException.class,
                () -> store().append(newStream(), ExpectedVersion.ANY, List.of(event("Big", oversize))));
        NewEvent twice = event("Twice", "{}");
        assertThrows(IllegalArgumentException.class,
                () -> store().append(newStream(), ExpectedVersion.ANY, List.of(twice, twice)));
        assertEquals(head, store().headPosition());
    }

    @Test
    void aCommandIdIsRecordedWithItsEventsAndRefusedTheSecondTime() {
        String stream = newStream();
        UUID command = UUID.randomUUID();
        store().append(stream, ExpectedVersion.NO_STREAM, events(1), command);
        long head = store().headPosition();

        assertThrows(DuplicateCommandException.class,
                () -> store().append(stream, ExpectedVersion.exactly(1), events(1), command));
        assertEquals(head, store().headPosition());
        assertEquals(stream, store().processedCommand(command).orElseThrow().streamId());
        assertTrue(store().processedCommand(command).orElseThrow().outcome().isEmpty());

        store().recordCommandOutcome(command, "\"done\"");
        assertEquals("\"done\"", store().processedCommand(command).orElseThrow().outcome().orElseThrow());
        assertTrue(store().processedCommand(UUID.randomUUID()).isEmpty());
    }

    @Test
    void aFailedAppendDoesNotRecordItsCommandId() {
        String stream = newStream();
        store().append(stream, ExpectedVersion.NO_STREAM, events(1));
        UUID command = UUID.randomUUID();

        assertThrows(StreamVersionConflictException.class,
                () -> store().append(stream, ExpectedVersion.NO_STREAM, events(1), command));
        assertTrue(store().processedCommand(command).isEmpty());
    }

    @Test
    void keepsTheLatestSnapshot() {
        String stream = newStream();
        assertTrue(store().latestSnapshot(stream).isEmpty());
        store().saveSnapshot(new Snapshot(stream, 10, "State", "{\"v\":10}"));
        store().saveSnapshot(new Snapshot(stream, 20, "State", "{\"v\":20}"));

        Snapshot latest = store().latestSnapshot(stream).orElseThrow();
        assertEquals(20, latest.version());
        assertEquals("State", latest.type());
        assertTrue(latest.data().replace(" ", "").contains("\"v\":20"));
    }

    @Test
    void racingWritersOnOneStreamEndWithContiguousVersionsAndEveryLoserRefused() throws Exception {
        String stream = newStream();
        int writers = 8;
        int attemptsEach = 15;
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        runConcurrently(writers, writer -> {
            for (int i = 0; i < attemptsEach; i++) {
                long seen = store().streamVersion(stream);
                try {
                    store().append(stream, ExpectedVersion.of(seen), events(1));
                    successes.incrementAndGet();
                } catch (StreamVersionConflictException lost) {
                    conflicts.incrementAndGet();
                }
            }
        });

        List<StoredEvent> stored = store().readStream(stream, 1);
        assertEquals(writers * attemptsEach, successes.get() + conflicts.get());
        assertEquals(successes.get(), stored.size());
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(i + 1, stored.get(i).version());
        }
    }

    @Test
    void concurrentWritersLeaveAGapFreeCommitOrderedLog() throws Exception {
        long head = store().headPosition();
        int writers = 6;
        int appendsEach = 20;
        List<String> streams = Collections.synchronizedList(new ArrayList<>());
        runConcurrently(writers, writer -> {
            String stream = newStream();
            streams.add(stream);
            long version = 0;
            for (int i = 0; i < appendsEach; i++) {
                version = store().append(stream, ExpectedVersion.of(version), events(1 + i % 2)).streamVersion();
            }
        });

        List<StoredEvent> log = new ArrayList<>();
        for (List<StoredEvent> page = store().readAll(head, 37); !page.isEmpty();
             page = store().readAll(page.get(page.size() - 1).position(), 37)) {
            log.addAll(page);
        }
        for (int i = 0; i < log.size(); i++) {
            assertEquals(head + 1 + i, log.get(i).position(), "positions have no holes");
        }
        Map<String, Long> lastVersion = new HashMap<>();
        for (StoredEvent event : log) {
            long previous = lastVersion.getOrDefault(event.streamId(), 0L);
            assertEquals(previous + 1, event.version(), "a stream's events appear in version order");
            lastVersion.put(event.streamId(), event.version());
        }
        int expectedPerStream = appendsEach + appendsEach / 2;
        for (String stream : streams) {
            assertEquals(expectedPerStream, lastVersion.get(stream));
        }
    }

    /** Runs {@code work} on {@code threads} threads started together and rethrows the first failure. */
    protected static void runConcurrently(int threads, ThrowingConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    work.accept(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Work for one thread of {@link #runConcurrently}. */
    @FunctionalInterface
    protected interface ThrowingConsumer {
        void accept(int thread) throws Exception;
    }
}
