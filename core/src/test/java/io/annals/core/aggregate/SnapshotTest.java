package io.annals.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.command.CommandBus;
import io.annals.core.event.EventSerializer;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookId;
import io.annals.core.lending.Lending;
import io.annals.core.lending.LendBook;
import io.annals.core.lending.ReturnBook;
import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.store.NewEvent;
import io.annals.core.store.Snapshot;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.Eventually;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * A {@link Snapshottable} aggregate is snapshotted every N events; loading starts from the latest
 * readable snapshot and replays only the events after it; a snapshot that cannot be used is ignored.
 */
@EnableWeld
class SnapshotTest {

    private static final String VISITORS = "visitors";
    private static final String STATE_TYPE = Tally.State.class.getName();
    private static final String BROKEN_STORE = "broken-store";
    private static final long QUIET_MILLIS = 300;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(TallyHandlers.BEANS).addBeanClasses(Lending.BEANS)
                    .addBeanClasses(SnapshotRecordingStores.class, UnsnapshottedTallies.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    Tallies tallies;

    @Inject
    UnsnapshottedTallies unsnapshotted;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    @Inject
    SnapshotRecordingStore recorder;

    @Test
    void aSnapshotIsTakenEachTimeTheStreamPassesAMultipleOfN() {
        IntStream.rangeClosed(1, 7).forEach(amount -> commands.executeBlocking(new Count(VISITORS, amount)));

        Eventually.until("two snapshots were saved", () -> recorder.saved().size() >= 2);
        quietPeriod();
        assertEquals(List.of(3L, 6L), recorder.saved().stream().map(Snapshot::version).sorted().toList());
        Snapshot latest = store.latestSnapshot(tallies.streamId(VISITORS)).orElseThrow();
        assertEquals(STATE_TYPE, latest.type());
        assertEquals(new Tally.State(1 + 2 + 3 + 4 + 5 + 6, 6), serializer.read(latest.data(), Tally.State.class));
    }

    @Test
    void aSaveThatJumpsPastAMultipleOfNIsSnapshottedAtItsLastVersion() {
        Tally tally = tallies.create(VISITORS);
        IntStream.rangeClosed(1, 4).forEach(tally::count);
        tallies.save(tally);

        Eventually.until("a snapshot was saved", () -> !recorder.saved().isEmpty());
        assertEquals(4, recorder.saved().get(0).version());
    }

    @Test
    void loadingStartsFromTheSnapshotAndReplaysOnlyTheLaterEvents() {
        given(VISITORS, 5);
        store.saveSnapshot(new Snapshot(tallies.streamId(VISITORS), 3, STATE_TYPE, "{\"total\":1000,\"counts\":3}"));

        Tally tally = tallies.load(VISITORS);

        assertEquals(1000 + 1 + 1, tally.total(), "the snapshot's total plus events 4 and 5");
        assertEquals(5, tally.counts());
        assertEquals(5, tally.version());
    }

    @Test
    void aSnapshotAtTheStreamsLastVersionNeedsNoEvents() {
        given(VISITORS, 3);
        store.saveSnapshot(new Snapshot(tallies.streamId(VISITORS), 3, STATE_TYPE, "{\"total\":1000,\"counts\":3}"));

        Tally tally = tallies.load(VISITORS);

        assertEquals(1000, tally.total());
        assertEquals(3, tally.version());
    }

    @Test
    void anUnreadableSnapshotIsIgnored() {
        assertSnapshotIgnored(new Snapshot(tallies.streamId(VISITORS), 3, STATE_TYPE, "{not json"));
    }

    @Test
    void aSnapshotOfAnotherShapeIsIgnored() {
        assertSnapshotIgnored(new Snapshot(tallies.streamId(VISITORS), 3, "com.example.OldTallyState", "{\"sum\":1000}"));
    }

    @Test
    void aSnapshotThatFailsHalfWayThroughRestoringIsIgnored() {
        assertSnapshotIgnored(new Snapshot(tallies.streamId(VISITORS), 3, STATE_TYPE, "{\"total\":1000,\"counts\":-1}"));
    }

    @Test
    void aStoreThatCannotReadSnapshotsDoesNotStopLoading() {
        given(BROKEN_STORE, 4);

        Tally tally = tallies.load(BROKEN_STORE);

        assertEquals(4, tally.total());
        assertEquals(4, tally.version());
    }

    @Test
    void aSnapshotThatCannotBeSavedDoesNotFailTheCommand() {
        IntStream.rangeClosed(1, 3).forEach(i -> commands.executeBlocking(new Count(BROKEN_STORE, 1)));

        Eventually.until("the snapshot was attempted", () -> recorder.attempts() > 0);
        assertEquals(3, tallies.load(BROKEN_STORE).total());
    }

    @Test
    void aggregatesThatAreNotSnapshottableOrHaveSnapshotsTurnedOffAreNeverSnapshotted() {
        Tally plain = unsnapshotted.create(VISITORS);
        IntStream.rangeClosed(1, 7).forEach(plain::count);
        unsnapshotted.save(plain);
        BookId dune = BookId.random();
        commands.executeBlocking(new AddBook(dune, "Dune"));
        for (int i = 0; i < 3; i++) {
            commands.executeBlocking(new LendBook(dune, "reader-" + i));
            commands.executeBlocking(new ReturnBook(dune));
        }

        quietPeriod();
        assertEquals(List.of(), recorder.saved());
        assertEquals(1 + 2 + 3 + 4 + 5 + 6 + 7, unsnapshotted.load(VISITORS).total());
    }

    private void assertSnapshotIgnored(Snapshot unusable) {
        given(VISITORS, 5);
        store.saveSnapshot(unusable);

        Tally tally = tallies.load(VISITORS);

        assertEquals(5, tally.total(), "every event replayed, nothing taken from the snapshot");
        assertEquals(5, tally.counts());
        assertEquals(5, tally.version());
    }

    /** Stores {@code count} events of one each straight into the stream, so no snapshot is taken meanwhile. */
    private void given(String tally, int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(serializer.toNewEvent(new Counted(1), EventMetadata.EMPTY));
        }
        store.append(tallies.streamId(tally), ExpectedVersion.NO_STREAM, events);
    }

    private static void quietPeriod() {
        try {
            Thread.sleep(QUIET_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tallies with snapshots turned off. */
    @ApplicationScoped
    static class UnsnapshottedTallies extends EventSourcedRepository<Tally, String> {
        UnsnapshottedTallies() {
            super("plain-tally", Tally::new, 0);
        }
    }

    /** The in-memory store, recording snapshot writes; snapshots of the broken-store tally fail both ways. */
    static class SnapshotRecordingStore extends InMemoryEventStore {
        private final List<Snapshot> saved = new CopyOnWriteArrayList<>();
        private final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Optional<Snapshot> latestSnapshot(String streamId) {
            if (streamId.endsWith(BROKEN_STORE)) {
                throw new IllegalStateException("snapshot table unavailable");
            }
            return super.latestSnapshot(streamId);
        }

        @Override
        public void saveSnapshot(Snapshot snapshot) {
            attempts.incrementAndGet();
            if (snapshot.streamId().endsWith(BROKEN_STORE)) {
                throw new IllegalStateException("snapshot table unavailable");
            }
            saved.add(snapshot);
            super.saveSnapshot(snapshot);
        }

        List<Snapshot> saved() {
            return List.copyOf(saved);
        }

        int attempts() {
            return attempts.get();
        }
    }

    @ApplicationScoped
    static class SnapshotRecordingStores {
        private final SnapshotRecordingStore store = new SnapshotRecordingStore();

        @Produces
        EventStore eventStore() {
            return store;
        }

        @Produces
        @Typed(SnapshotRecordingStore.class)
        SnapshotRecordingStore recordingStore() {
            return store;
        }

        @Produces
        @ApplicationScoped
        CheckpointStore checkpointStore() {
            return new InMemoryCheckpointStore();
        }
    }
}
