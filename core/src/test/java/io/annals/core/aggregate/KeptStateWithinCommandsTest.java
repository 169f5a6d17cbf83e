package io.annals.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.command.Command;
import io.annals.core.command.CommandBus;
import io.annals.core.command.CommandHandler;
import io.annals.core.event.EventSerializer;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * Within a command the repository trusts the state its last save kept and reads nothing from the
 * store; whatever the command decided on that state counts only once the store confirms it: the
 * append's expected version for a command with events, a version read for a refusal or a command
 * without events. Another writer in between makes the command run again on fresh state.
 */
@EnableWeld
class KeptStateWithinCommandsTest {

    private static final String VISITORS = "visitors";

    private final KeptStateTest.RecordingStore store = shared(new KeptStateTest.RecordingStore());

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(KeptStateTest.SharedStore.class, Tallies.class,
            TallyHandlers.CountHandler.class, Rival.class, CountIfAtLeastHandler.class, ReadTotalHandler.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    Tallies tallies;

    @Inject
    EventSerializer serializer;

    @Inject
    TallyHandlers.CountHandler countHandler;

    @Inject
    CountIfAtLeastHandler countIfAtLeast;

    @Inject
    ReadTotalHandler readTotal;

    @Test
    void aCommandOnAKeptAggregateReadsNothingFromTheStore() {
        commands.executeBlocking(new Count(VISITORS, 1));
        commands.executeBlocking(new Count(VISITORS, 2));
        store.fromVersions.clear();

        assertEquals(3L, commands.executeBlocking(new Count(VISITORS, 3)));

        assertEquals(List.of(), store.fromVersions, "the kept state was trusted");
        assertEquals(6, tallies.load(VISITORS).total());
    }

    @Test
    void anotherWriterBetweenCommandsFailsTheTrustedAppendAndTheRetryReadsTheStream() {
        commands.executeBlocking(new Count(VISITORS, 1));
        anotherWriterCounts(100);

        assertEquals(3L, commands.executeBlocking(new Count(VISITORS, 5)));

        assertEquals(3, countHandler.attempts(), "the first command, the trusted attempt that conflicted, the retry");
        assertEquals(106, tallies.load(VISITORS).total());
    }

    @Test
    void aRefusalThatRestedOnStaleKeptStateIsCheckedAndTheCommandRunsAgain() {
        commands.executeBlocking(new Count(VISITORS, 5));
        anotherWriterCounts(100);

        assertEquals(3L, commands.executeBlocking(new CountIfAtLeast(VISITORS, 50, 1)),
                "refused on the kept 5, allowed on the current 105");

        assertEquals(2, countIfAtLeast.attempts());
        assertEquals(106, tallies.load(VISITORS).total());
    }

    @Test
    void aRefusalOnCurrentStateStandsWithoutRunningAgain() {
        commands.executeBlocking(new Count(VISITORS, 5));

        assertThrows(TooLow.class, () -> commands.executeBlocking(new CountIfAtLeast(VISITORS, 50, 1)));

        assertEquals(1, countIfAtLeast.attempts());
        assertEquals(5, tallies.load(VISITORS).total());
    }

    @Test
    void aCommandWithoutEventsOnStaleKeptStateRunsAgain() {
        commands.executeBlocking(new Count(VISITORS, 5));
        anotherWriterCounts(100);

        assertEquals(105, commands.executeBlocking(new ReadTotal(VISITORS)));

        assertEquals(2, readTotal.attempts());
    }

    private void anotherWriterCounts(int amount) {
        store.append(tallies.streamId(VISITORS), ExpectedVersion.ANY,
                List.of(serializer.toNewEvent(new Counted(amount), new EventMetadata("elsewhere", null, null, null))));
    }

    private static KeptStateTest.RecordingStore shared(KeptStateTest.RecordingStore store) {
        KeptStateTest.SharedStore.current = store;
        return store;
    }

    /** Counts {@code amount} only if the tally already reached {@code threshold}. */
    record CountIfAtLeast(String tally, int threshold, int amount) implements Command<Long> {
    }

    /** The tally's total, without changing it. */
    record ReadTotal(String tally) implements Command<Integer> {
    }

    static final class TooLow extends DomainException {
        TooLow(int total) {
            super("too-low", "the tally is at " + total);
        }
    }

    /** A handler on tallies that counts how often the bus ran it. */
    abstract static class CountingRuns {
        private final AtomicInteger attempts = new AtomicInteger();

        @Inject
        Tallies tallies;

        int attempts() {
            return attempts.get();
        }

        void ran() {
            attempts.incrementAndGet();
        }
    }

    @ApplicationScoped
    static class CountIfAtLeastHandler extends CountingRuns implements CommandHandler<CountIfAtLeast, Long> {
        @Override
        public Long execute(CountIfAtLeast command) {
            ran();
            Tally tally = tallies.load(command.tally());
            if (tally.total() < command.threshold()) {
                throw new TooLow(tally.total());
            }
            tally.count(command.amount());
            return tallies.save(tally);
        }
    }

    @ApplicationScoped
    static class ReadTotalHandler extends CountingRuns implements CommandHandler<ReadTotal, Integer> {
        @Override
        public Integer execute(ReadTotal command) {
            ran();
            return tallies.load(command.tally()).total();
        }
    }
}
