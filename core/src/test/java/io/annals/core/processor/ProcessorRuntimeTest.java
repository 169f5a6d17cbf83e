package io.annals.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.event.EventSerializer;
import io.annals.core.store.AppendSignal;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.ProvidedBeans;
import io.annals.core.testing.RuntimeNode;
import io.annals.core.testing.tally.TallyCounted;
import io.annals.core.testing.tally.TallyNoted;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime around the contracts: in-memory switchable projections, refusals, store failures, waking. */
class ProcessorRuntimeTest {

    /** An in-memory projection made rebuildable the way a domain module would. */
    @Projection(value = "scores", inMemory = true)
    @ApplicationScoped
    static class Scoreboard implements SwitchableProjection {

        private final SwitchableReadModel<Map<String, Long>> scores = new SwitchableReadModel<>(ConcurrentHashMap::new);

        @Override
        public SwitchableReadModel<?> readModel() {
            return scores;
        }

        @EventHandler
        void on(TallyCounted counted) {
            scores.target().merge(counted.counter(), counted.amount(), Long::sum);
        }

        Map<String, Long> live() {
            return scores.live();
        }
    }

    /** A projection without the rebuild SPI. */
    @Projection("notes")
    @ApplicationScoped
    static class NoteLog {

        private final List<String> notes = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(TallyNoted noted) {
            notes.add(noted.note());
        }

        List<String> notes() {
            return List.copyOf(notes);
        }
    }

    /** Checkpoints whose database can "go down". */
    static final class BreakableCheckpoints implements CheckpointStore {
        private final InMemoryCheckpointStore delegate = new InMemoryCheckpointStore();
        volatile boolean down;

        @Override
        public long position(String processor) {
            return delegate.position(processor);
        }

        @Override
        public void commit(String processor, long position, Runnable batch) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            delegate.commit(processor, position, batch);
        }

        @Override
        public void reset(String processor) {
            delegate.reset(processor);
        }
    }

    /** Counts polls of the global log. */
    static final class CountingEventStore extends InMemoryEventStore {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<StoredEvent> readAll(long afterPosition, int limit) {
            reads.incrementAndGet();
            return super.readAll(afterPosition, limit);
        }
    }

    private WeldContainer container;

    @AfterEach
    void shutDown() {
        if (container != null) {
            container.shutdown();
        }
    }

    private ProcessorRuntime boot(EventStore store, CheckpointStore checkpoints, Map<String, String> settings) {
        Map<String, String> merged = new HashMap<>(RuntimeNode.TEST_SETTINGS);
        merged.putAll(settings);
        ProvidedBeans provided = new ProvidedBeans()
                .add(EventStore.class, store)
                .add(CheckpointStore.class, checkpoints)
                .add(Settings.class, Settings.of(merged));
        container = AnnalsWeld.weld(Scoreboard.class, NoteLog.class)
                .containerId("runtime-" + UUID.randomUUID())
                .addExtension(provided)
                .initialize();
        return container.select(ProcessorRuntime.class).get();
    }

    private void append(EventStore store, Object... events) {
        EventSerializer serializer = container.select(EventSerializer.class).get();
        store.append("s-" + UUID.randomUUID(), ExpectedVersion.NO_STREAM,
                java.util.Arrays.stream(events).map(e -> serializer.toNewEvent(e, EventMetadata.EMPTY)).toList());
    }

    @Test
    void anInMemoryProjectionIsRebuiltIntoAFreshModelWhileTheOldOneAnswers() {
        EventStore store = new InMemoryEventStore();
        ProcessorRuntime runtime = boot(store, new InMemoryCheckpointStore(), Map.of());
        Scoreboard board = container.select(Scoreboard.class).get();
        append(store, new TallyCounted("a", 1), new TallyCounted("b", 2), new TallyCounted("a", 3));
        runtime.awaitIdle();
        Map<String, Long> before = board.live();

        runtime.rebuild("scores");
        assertSame(before, board.live(), "queries read the old model during the rebuild");
        runtime.awaitIdle();

        assertNotSame(before, board.live(), "the rebuilt model took over");
        assertEquals(Map.of("a", 4L, "b", 2L), board.live());
        assertEquals(ProcessorState.RUNNING, runtime.status("scores").state());
        assertEquals(null, runtime.status("scores").owner(), "an in-memory projection runs on every instance, without a lease");
    }

    @Test
    void projectionsWithoutTheRebuildSpiAndForwardersCannotBeRebuilt() {
        ProcessorRuntime runtime = boot(new InMemoryEventStore(), new InMemoryCheckpointStore(),
                Map.of("ANNALS_FORWARDERS", "audit"));

        assertTrue(assertThrows(RebuildNotSupportedException.class, () -> runtime.rebuild("notes")).getMessage()
                .contains("RebuildableProjection"));
        assertEquals("audit", assertThrows(RebuildNotSupportedException.class, () -> runtime.rebuild("audit")).processor());
        assertEquals(List.of("audit"), runtime.forwarderStatuses().stream().map(ForwarderStatus::name).toList());
    }

    @Test
    void aCheckpointStoreFailureMarksTheProcessorFailingWithoutParkingAnything() {
        EventStore store = new InMemoryEventStore();
        BreakableCheckpoints checkpoints = new BreakableCheckpoints();
        ProcessorRuntime runtime = boot(store, checkpoints, Map.of());
        append(store, new TallyNoted("one"), new TallyNoted("two"));
        checkpoints.down = true;

        assertThrows(IllegalStateException.class, runtime::awaitIdle);
        ProcessorStatus failing = runtime.status("notes");
        assertEquals(ProcessorState.FAILING, failing.state());
        assertEquals("database down", failing.lastError());
        assertEquals(0, failing.position());
        assertEquals(List.of(), runtime.deadLetters(), "a store failure is not the event's fault");

        checkpoints.down = false;
        runtime.awaitIdle();
        assertEquals(ProcessorState.RUNNING, runtime.status("notes").state());
        assertEquals(List.of("one", "two"), container.select(NoteLog.class).get().notes());
    }

    @Test
    void anIdleProcessorDoesNotSpinAndALocalAppendWakesItAtOnce() throws InterruptedException {
        CountingEventStore store = new CountingEventStore();
        ProcessorRuntime runtime = boot(store, new InMemoryCheckpointStore(),
                Map.of("annals.processors.autostart", "true", "annals.processors.max-idle-millis", "5000"));
        runtime.start();
        Thread.sleep(1500);
        int idleReads = store.reads.get();
        assertTrue(idleReads <= 2 * 12, "two idle processors polled " + idleReads + " times in 1.5 s");

        append(store, new TallyNoted("wake"));
        long appendedAt = System.nanoTime();
        container.select(AppendSignal.class).get().appended();
        NoteLog notes = container.select(NoteLog.class).get();
        while (notes.notes().isEmpty() && System.nanoTime() - appendedAt < 3_000_000_000L) {
            Thread.sleep(2);
        }
        long millis = (System.nanoTime() - appendedAt) / 1_000_000;
        assertEquals(List.of("wake"), notes.notes());
        assertTrue(millis < 500, "handled " + millis + " ms after the append; the back-off had reached over a second");
    }
}
