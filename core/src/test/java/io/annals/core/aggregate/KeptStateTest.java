package io.annals.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.event.EventSerializer;
import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.store.Snapshot;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.Eventually;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The state a save leaves is kept for the next load, which then reads only later events — also
 * those of other writers — and never shares state with another load. A fresh process (a new
 * container over the same store) loads from the stored snapshot, and ignores one it cannot read.
 */
class KeptStateTest {

    private static final String VISITORS = "visitors";

    private RecordingStore store;
    private WeldContainer container;
    private Tallies tallies;

    @BeforeEach
    void start() {
        store = new RecordingStore();
        SharedStore.current = store;
        startProcess();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void theNextLoadReadsOnlyTheEventsAfterTheKeptStateIncludingOtherWriters() {
        save(VISITORS, 1, 2);
        anotherWriterCounts(VISITORS, 100);
        store.fromVersions.clear();

        Tally loaded = tallies.load(VISITORS);

        assertEquals(103, loaded.total());
        assertEquals(3, loaded.version());
        assertEquals(List.of(3L), store.fromVersions, "only the events after the kept version 2 are read");
    }

    @Test
    void twoLoadsNeverShareState() {
        save(VISITORS, 5);
        Tally first = tallies.load(VISITORS);
        first.count(1_000);

        assertEquals(5, tallies.load(VISITORS).total());
    }

    @Test
    void aSnapshotIsStoredEveryNEventsAndAFreshProcessLoadsFromIt() {
        save(VISITORS, 1, 2, 3);
        Eventually.until("the snapshot at version 3 is stored",
                () -> store.latestSnapshot(streamOf(VISITORS)).filter(s -> s.version() == 3).isPresent());
        Snapshot stored = store.latestSnapshot(streamOf(VISITORS)).orElseThrow();
        store.saveSnapshot(new Snapshot(stored.streamId(), 3, stored.type(), "{\"total\":1000,\"counts\":3}"));
        anotherWriterCounts(VISITORS, 4);

        restartProcess();

        assertEquals(1004, tallies.load(VISITORS).total(), "the snapshot's 1000 plus the event after it");
    }

    @Test
    void aFreshProcessIgnoresASnapshotItCannotReadAndReplaysTheStream() {
        save(VISITORS, 1, 2, 3);
        Eventually.until("the repository's own snapshot at version 3 is stored",
                () -> store.latestSnapshot(streamOf(VISITORS)).filter(s -> s.version() == 3).isPresent());
        store.saveSnapshot(new Snapshot(streamOf(VISITORS), 3, Tally.State.class.getName(), "{ not json"));

        restartProcess();

        assertEquals(6, tallies.load(VISITORS).total());
        assertEquals(List.of(1L), store.fromVersions.subList(store.fromVersions.size() - 1, store.fromVersions.size()));
    }

    private void save(String id, int... amounts) {
        Tally tally = tallies.find(id).orElseGet(() -> tallies.create(id));
        for (int amount : amounts) {
            tally.count(amount);
        }
        tallies.save(tally);
    }

    private void anotherWriterCounts(String id, int amount) {
        EventSerializer serializer = container.select(EventSerializer.class).get();
        store.append(streamOf(id), ExpectedVersion.ANY,
                List.of(serializer.toNewEvent(new Counted(amount), new EventMetadata("elsewhere", null, null, null))));
    }

    private String streamOf(String id) {
        return tallies.streamId(id);
    }

    private void startProcess() {
        container = AnnalsWeld.weld(SharedStore.class, Tallies.class).initialize();
        tallies = container.select(Tallies.class).get();
    }

    private void restartProcess() {
        container.close();
        startProcess();
    }

    /** Remembers from which version each stream read started. */
    static final class RecordingStore extends InMemoryEventStore {
        final List<Long> fromVersions = new ArrayList<>();

        @Override
        public synchronized List<StoredEvent> readStream(String streamId, long fromVersion) {
            fromVersions.add(fromVersion);
            return super.readStream(streamId, fromVersion);
        }
    }

    /** One store shared by the containers of a test, as a database is shared by restarts. */
    @ApplicationScoped
    static class SharedStore {
        static EventStore current;

        @Produces
        @ApplicationScoped
        EventStore eventStore() {
            return current;
        }

        @Produces
        @ApplicationScoped
        CheckpointStore checkpoints() {
            return new InMemoryCheckpointStore();
        }
    }
}
