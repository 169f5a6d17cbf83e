package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.processor.DeadLetter;
import io.annals.core.processor.DeadLetterResolvedException;
import io.annals.core.processor.DeadLetterState;
import io.annals.core.processor.ProcessorLeaseHeldElsewhereException;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.processor.ProcessorState;
import io.annals.core.processor.ProcessorStatus;
import io.annals.core.processor.RebuildAlreadyRunningException;
import io.annals.core.processor.UnknownDeadLetterException;
import io.annals.core.processor.UnknownProcessorException;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.tally.FailurePlan;
import io.annals.core.testing.tally.SimulatedCrash;
import io.annals.core.testing.tally.TallyCounted;
import io.annals.core.testing.tally.TallyNoted;
import io.annals.core.testing.tally.TallyProjection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a projection's processor guarantees on any stores: a crash mid-batch neither skips nor
 * double-applies, poison events are parked while later events flow, dead letters are retried or
 * skipped on record, a rebuild replays beside the live read model (also while writes continue), and
 * only the lease holder runs the projection. A store module extends it with its own
 * {@link #newStores()}.
 */
public abstract class ProjectionContract extends ProcessorContractSupport {

    protected static final String NAME = TallyProjection.NAME;

    @Override
    protected Class<?>[] applicationBeans() {
        return new Class<?>[] {TallyProjection.class, FailurePlan.class};
    }

    protected static TallyCounted count(String counter, long amount) {
        return new TallyCounted(counter, amount);
    }

    @Test
    void aCrashInTheMiddleOfABatchLeavesTheReadModelEqualToAFullFoldAfterRestart() {
        RuntimeNode first = boot();
        List<StoredEvent> stored = first.append(stream(), count("a", 1), count("b", 2), count("a", 3), new TallyNoted("n"),
                count("b", 4), count("a", 5), count("c", 6), count("a", 7), count("b", 8), count("c", 9), count("a", 10));
        long crashAt = stored.get(5).position();
        first.plan().crashWhenProjecting(crashAt);

        assertThrows(SimulatedCrash.class, () -> first.runtime().awaitIdle());
        assertTrue(stores.checkpoints().position(NAME) < crashAt, "the checkpoint never passes an event that was not applied");
        first.close();

        RuntimeNode restarted = boot();
        restarted.runtime().awaitIdle();

        assertEquals(foldedTotals(), stores.tallies().totals());
        assertEquals(countedPositions(), stores.tallies().appliedPositions(), "every count applied once, in log order");
        assertEquals(stores.events().headPosition(), restarted.runtime().status(NAME).position());
    }

    @Test
    void theCheckpointMovesOverEventsTheProjectionDoesNotHandle() {
        RuntimeNode node = boot();
        node.append(stream(), new TallyNoted("x"), new TallyNoted("y"), new TallyNoted("z"));

        node.runtime().awaitIdle();

        ProcessorStatus status = node.runtime().status(NAME);
        assertEquals(stores.events().headPosition(), status.position());
        assertEquals(status.head(), status.position());
        assertEquals(0, status.lag());
        assertEquals(ProcessorState.RUNNING, status.state());
        assertEquals(Map.of(), stores.tallies().totals());
    }

    @Test
    void theStatusShowsHowFarBehindTheProjectionIs() {
        RuntimeNode node = boot();
        node.append(stream(), count("a", 1), count("a", 2), count("a", 3));

        ProcessorStatus behind = node.runtime().status(NAME);
        assertEquals(0, behind.position());
        assertEquals(3, behind.head());
        assertEquals(3, behind.lag());
        assertNull(behind.lastError());
        assertNull(behind.progress());

        node.runtime().awaitIdle();
        assertEquals(0, node.runtime().status(NAME).lag());
        assertTrue(node.runtime().statuses().stream().anyMatch(s -> s.name().equals(NAME)));
    }

    @Test
    void aPoisonEventIsParkedAfterItsAttemptsWhileLaterEventsFlow() {
        RuntimeNode node = boot();
        node.plan().poison("p");
        List<StoredEvent> stored = node.append(stream(), count("a", 1), count("p", 2), count("a", 3), count("b", 4));
        StoredEvent poison = stored.get(1);

        node.runtime().awaitIdle();

        assertEquals(foldedTotals(poison.position()), stores.tallies().totals());
        List<DeadLetter> parked = node.runtime().deadLetters();
        assertEquals(1, parked.size());
        DeadLetter letter = parked.get(0);
        assertEquals(NAME, letter.processor());
        assertEquals(poison.eventId(), letter.eventId());
        assertEquals(poison.position(), letter.position());
        assertEquals(3, letter.attempts());
        assertTrue(letter.error().contains("poisoned"), letter.error());
        assertNotNull(letter.parkedAt());
        assertEquals(DeadLetterState.PARKED, letter.state());
        ProcessorStatus status = node.runtime().status(NAME);
        assertEquals(stores.events().headPosition(), status.position());
        assertEquals(ProcessorState.RUNNING, status.state(), "a parked event does not stop the projection");
        assertTrue(status.lastError().contains("poisoned"), status.lastError());
        assertTrue(status.failures() >= 3, "failures: " + status.failures());

        node.append(stream(), count("b", 10));
        node.runtime().awaitIdle();
        assertEquals(foldedTotals(poison.position()), stores.tallies().totals());
        assertEquals(1, node.runtime().deadLetters().size());
    }

    @Test
    void aFlakyEventSucceedsWithinItsAttemptsAndIsNotParked() {
        RuntimeNode node = boot();
        node.plan().failFirst("f", 2);
        node.append(stream(), count("a", 1), count("f", 2), count("a", 3));

        node.runtime().awaitIdle();

        assertEquals(foldedTotals(), stores.tallies().totals());
        assertEquals(countedPositions(), stores.tallies().appliedPositions());
        assertEquals(List.of(), node.runtime().deadLetters());
        assertTrue(node.runtime().status(NAME).failures() >= 2);
    }

    @Test
    void aRetriedDeadLetterIsDeliveredAgainAndResolved() {
        RuntimeNode node = boot();
        node.plan().poison("p");
        node.append(stream(), count("a", 1), count("p", 2), count("a", 3));
        node.runtime().awaitIdle();
        DeadLetter parked = node.runtime().deadLetters().get(0);
        node.plan().cure("p");

        DeadLetter retried = node.runtime().retryDeadLetter(parked.id());

        assertEquals(DeadLetterState.RETRIED, retried.state());
        assertNotNull(retried.resolvedAt());
        assertEquals(foldedTotals(), stores.tallies().totals());
        assertEquals(List.of(), node.runtime().deadLetters());
        assertEquals(DeadLetterState.RETRIED, node.runtime().deadLetter(parked.id()).state(), "kept on record");
        assertEquals(stores.events().headPosition(), node.runtime().status(NAME).position(), "a retry leaves the checkpoint");
        assertThrows(DeadLetterResolvedException.class, () -> node.runtime().retryDeadLetter(parked.id()));
        assertThrows(DeadLetterResolvedException.class, () -> node.runtime().skipDeadLetter(parked.id()));
    }

    @Test
    void aRetryThatFailsAgainKeepsTheEntryParkedWithOneMoreAttempt() {
        RuntimeNode node = boot();
        node.plan().poison("p");
        node.append(stream(), count("p", 2));
        node.runtime().awaitIdle();
        DeadLetter parked = node.runtime().deadLetters().get(0);

        DeadLetter again = node.runtime().retryDeadLetter(parked.id());

        assertEquals(DeadLetterState.PARKED, again.state());
        assertEquals(parked.attempts() + 1, again.attempts());
        assertEquals(List.of(again), node.runtime().deadLetters());
        assertEquals(Map.of(), stores.tallies().totals());
    }

    @Test
    void aSkippedDeadLetterIsResolvedAndKeptOnRecord() {
        RuntimeNode node = boot();
        node.plan().poison("p");
        List<StoredEvent> stored = node.append(stream(), count("a", 1), count("p", 2));
        node.runtime().awaitIdle();
        DeadLetter parked = node.runtime().deadLetters().get(0);

        DeadLetter skipped = node.runtime().skipDeadLetter(parked.id());

        assertEquals(DeadLetterState.SKIPPED, skipped.state());
        assertNotNull(skipped.resolvedAt());
        assertEquals(List.of(), node.runtime().deadLetters());
        assertEquals(skipped, node.runtime().deadLetter(parked.id()));
        assertEquals(foldedTotals(stored.get(1).position()), stores.tallies().totals());
    }

    @Test
    void unknownNamesAndIdsRaiseNamedExceptions() {
        ProcessorRuntime runtime = boot().runtime();
        UUID nobody = UUID.randomUUID();

        assertEquals("nope", assertThrows(UnknownProcessorException.class, () -> runtime.status("nope")).processor());
        assertThrows(UnknownProcessorException.class, () -> runtime.rebuild("nope"));
        assertEquals(nobody, assertThrows(UnknownDeadLetterException.class, () -> runtime.retryDeadLetter(nobody)).id());
        assertThrows(UnknownDeadLetterException.class, () -> runtime.skipDeadLetter(nobody));
        assertThrows(UnknownDeadLetterException.class, () -> runtime.deadLetter(nobody));
    }

    @Test
    void aRebuildReplaysIntoAFreshTargetWhileTheOldOneKeepsServing() {
        RuntimeNode node = boot();
        node.append(stream(), count("a", 1), count("b", 2), count("a", 3));
        node.runtime().awaitIdle();
        Map<String, Long> before = stores.tallies().totals();

        ProcessorStatus started = node.runtime().rebuild(NAME);

        assertEquals(ProcessorState.REBUILDING, started.state());
        assertNotNull(started.progress());
        assertEquals(before, stores.tallies().totals(), "the old read model answers until the rebuilt one takes over");
        assertThrows(RebuildAlreadyRunningException.class, () -> node.runtime().rebuild(NAME));
        node.append(stream(), count("c", 4));
        node.runtime().processor(NAME).orElseThrow().catchUp();
        assertEquals(foldedTotals(), stores.tallies().totals(), "the old read model keeps taking live events");
        assertEquals(ProcessorState.REBUILDING, node.runtime().status(NAME).state());

        node.runtime().awaitIdle();

        ProcessorStatus done = node.runtime().status(NAME);
        assertEquals(ProcessorState.RUNNING, done.state());
        assertNull(done.progress());
        assertEquals(stores.events().headPosition(), done.position());
        assertEquals(foldedTotals(), stores.tallies().totals());
        assertEquals(countedPositions(), stores.tallies().appliedPositions(), "the rebuilt model holds every count once");

        node.runtime().rebuild(NAME);
        node.runtime().awaitIdle();
        assertEquals(countedPositions(), stores.tallies().appliedPositions(), "a later rebuild is accepted again");
    }

    @Test
    void aRebuildWhileWritesContinueEndsEqualToAFullFold() throws Exception {
        RuntimeNode node = boot(Map.of("annals.processors.autostart", "true"));
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 60; i++) {
                node.append(stream(), count("w" + i % 7, i), count("x", 1), new TallyNoted("n" + i));
                written.incrementAndGet();
                pause(2);
            }
        });
        writer.start();
        eventually(10_000, "a third of the writes", () -> written.get() >= 20);

        node.runtime().rebuild(NAME);
        writer.join(30_000);

        eventually(15_000, "the rebuild to finish and the projection to catch up", () -> {
            ProcessorStatus status = node.runtime().status(NAME);
            return status.state() == ProcessorState.RUNNING && status.lag() == 0;
        });
        assertEquals(foldedTotals(), stores.tallies().totals());
        assertEquals(countedPositions(), stores.tallies().appliedPositions());
    }

    @Test
    void aRebuildSupersedesTheOldDeadLettersAndParksItsOwnAtTheSwitch() {
        RuntimeNode node = boot();
        node.plan().poison("p");
        node.plan().poison("r");
        List<StoredEvent> stored = node.append(stream(), count("a", 1), count("p", 2), count("q", 3), count("r", 4));
        node.runtime().awaitIdle();
        DeadLetter cured = node.runtime().deadLetters().get(0);
        DeadLetter stillBroken = node.runtime().deadLetters().get(1);
        node.plan().cure("p");
        node.plan().poison("q");

        node.runtime().rebuild(NAME);
        node.runtime().awaitIdle();

        assertEquals(DeadLetterState.SUPERSEDED, node.runtime().deadLetter(cured.id()).state(), "the rebuild applied it");
        List<DeadLetter> parked = node.runtime().deadLetters();
        assertEquals(2, parked.size());
        DeadLetter fresh = parked.get(0);
        assertEquals(stored.get(2).eventId(), fresh.eventId(), "the rebuild's new failure is parked at the switch");
        DeadLetter kept = parked.get(1);
        assertEquals(stillBroken.id(), kept.id(), "an event that failed again keeps its entry");
        assertEquals(stillBroken.attempts() * 2, kept.attempts());
        assertEquals(foldedTotals(stored.get(2).position(), stored.get(3).position()), stores.tallies().totals());
    }

    @Test
    void onlyTheInstanceHoldingTheLeaseRunsTheProjection() {
        RuntimeNode a = boot(Map.of("annals.instance-id", "a"));
        RuntimeNode b = boot(Map.of("annals.instance-id", "b"));
        a.append(stream(), count("a", 1), count("b", 2));

        a.runtime().awaitIdle();
        b.runtime().awaitIdle();
        b.append(stream(), count("c", 3));
        b.runtime().awaitIdle();

        assertEquals("a", b.runtime().status(NAME).owner());
        assertEquals(1, b.runtime().status(NAME).lag(), "the standby instance does not poll");
        assertThrows(ProcessorLeaseHeldElsewhereException.class, () -> b.runtime().rebuild(NAME));
        a.runtime().awaitIdle();
        assertEquals(countedPositions(), stores.tallies().appliedPositions());

        a.close();
        b.append(stream(), count("d", 4));
        b.runtime().awaitIdle();

        assertEquals("b", b.runtime().status(NAME).owner(), "a stopped instance releases its lease");
        assertEquals(foldedTotals(), stores.tallies().totals());
        assertEquals(countedPositions(), stores.tallies().appliedPositions(), "no count applied twice across instances");
    }

    @Test
    void aLeaseThatIsNotRenewedInTimePassesToAnotherInstance() {
        Map<String, String> shortLease = Map.of("annals.processors.lease-ttl-millis", "150");
        RuntimeNode a = boot(merge(shortLease, "annals.instance-id", "a"));
        RuntimeNode b = boot(merge(shortLease, "annals.instance-id", "b"));
        a.append(stream(), count("a", 1));
        a.runtime().awaitIdle();

        pause(250);
        b.append(stream(), count("b", 2));
        b.runtime().awaitIdle();
        a.append(stream(), count("c", 3));
        a.runtime().awaitIdle();

        assertEquals("b", a.runtime().status(NAME).owner());
        assertEquals(1, a.runtime().status(NAME).lag(), "the old holder stopped polling");
        b.runtime().awaitIdle();
        assertEquals(countedPositions(), stores.tallies().appliedPositions());
    }

    private static Map<String, String> merge(Map<String, String> base, String key, String value) {
        java.util.HashMap<String, String> merged = new java.util.HashMap<>(base);
        merged.put(key, value);
        return merged;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
