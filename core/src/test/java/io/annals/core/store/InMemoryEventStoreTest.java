package io.annals.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.testing.EventStoreContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest extends EventStoreContract {

    private static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");

    private final InMemoryEventStore store = new InMemoryEventStore(Clock.fixed(NOON, ZoneOffset.UTC));

    @Override
    protected EventStore store() {
        return store;
    }

    @Test
    void timestampsComeFromTheStoresClock() {
        String stream = newStream();
        store.append(stream, ExpectedVersion.NO_STREAM, events(1));

        assertEquals(NOON, store.readStream(stream, 1).get(0).occurredAt());
    }

    @Test
    void aPageOfTheLogHoldsAtLeastOneEvent() {
        assertThrows(IllegalArgumentException.class, () -> store.readAll(0, 0));
    }

    @Test
    void anOutcomeCanOnlyBeRecordedForACommandAnAppendCarried() {
        assertThrows(IllegalArgumentException.class, () -> store.recordCommandOutcome(UUID.randomUUID(), "\"done\""));
    }

    @Test
    void anOlderSnapshotDoesNotReplaceANewerOne() {
        String stream = newStream();
        store.saveSnapshot(new Snapshot(stream, 20, "State", "{\"v\":20}"));
        store.saveSnapshot(new Snapshot(stream, 10, "State", "{\"v\":10}"));

        assertEquals(20, store.latestSnapshot(stream).orElseThrow().version());
    }
}
