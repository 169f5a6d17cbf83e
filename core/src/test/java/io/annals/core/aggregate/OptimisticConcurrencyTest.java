package io.annals.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.context.DispatchOptions;
import io.annals.core.event.EventSerializer;
import io.annals.core.lending.Lending;
import io.annals.core.store.EventStore;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * A command whose save loses a version race is retried by the bus and succeeds; a command whose
 * caller pinned the version fails with {@link StaleVersionException} and stores nothing.
 */
@EnableWeld
class OptimisticConcurrencyTest {

    private static final String VISITORS = "visitors";
    private static final String DONATIONS = "donations";
    private static final UUID COMMAND_ID = UUID.fromString("6f1f4f7c-2b1e-4a55-9b8e-0d8a57f3c001");
    private static final AsyncContext CLERK = AsyncContext.withCorrelation("flow-clerk").withPrincipal("clerk");

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(TallyHandlers.BEANS)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    Tallies tallies;

    @Inject
    Rival rival;

    @Inject
    TallyHandlers.CountHandler countHandler;

    @Inject
    TallyHandlers.CountBothHandler countBothHandler;

    @Inject
    TallyHandlers.CountInTurnHandler countInTurnHandler;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    @Test
    void aCommandThatLostAVersionRaceIsRetriedAndSucceeds() {
        commands.executeBlocking(new Count(VISITORS, 1));
        rival.interfereOnceWith(tallies.streamId(VISITORS));

        assertEquals(3, commands.executeBlocking(new Count(VISITORS, 5)));

        assertEquals(3, countHandler.attempts(), "the first command, then the lost race, then the retry");
        assertEquals(List.of(new Counted(1), new Counted(Rival.RIVAL_AMOUNT), new Counted(5)), payloadsOf(VISITORS));
        assertEquals(1 + Rival.RIVAL_AMOUNT + 5, tallies.load(VISITORS).total());
    }

    @Test
    void aPinnedVersionThatIsStaleAtLoadFailsWithoutStoring() {
        commands.executeBlocking(new Count(VISITORS, 1));
        commands.executeBlocking(new Count(VISITORS, 2));
        long head = store.headPosition();

        StaleVersionException stale = assertThrows(StaleVersionException.class,
                () -> commands.executeBlocking(new Count(VISITORS, 5), CLERK, DispatchOptions.NONE.expectedVersion(1)));

        assertEquals(tallies.streamId(VISITORS), stale.streamId());
        assertEquals(1, stale.expected());
        assertEquals(2, stale.actual());
        assertEquals(head, store.headPosition());
    }

    @Test
    void aPinnedCommandThatLosesAVersionRaceFailsWithoutRetryAndStoresNothing() {
        commands.executeBlocking(new Count(VISITORS, 1));
        rival.interfereOnceWith(tallies.streamId(VISITORS));

        StaleVersionException stale = assertThrows(StaleVersionException.class,
                () -> commands.executeBlocking(new Count(VISITORS, 5), CLERK, DispatchOptions.NONE.expectedVersion(1)));

        assertEquals(1, stale.expected());
        assertEquals(2, stale.actual());
        assertEquals(2, countHandler.attempts(), "the first command and the pinned one, not retried");
        assertEquals(List.of(new Counted(1), new Counted(Rival.RIVAL_AMOUNT)), payloadsOf(VISITORS));
    }

    @Test
    void aPinnedVersionThatMatchesLetsTheCommandThrough() {
        commands.executeBlocking(new Count(VISITORS, 1));

        assertEquals(2, commands.executeBlocking(new Count(VISITORS, 5), CLERK, DispatchOptions.NONE.expectedVersion(1)));
    }

    @Test
    void aRaceOnAnotherStreamThanThePinnedOneIsRetried() {
        commands.executeBlocking(new Count(VISITORS, 1));
        commands.executeBlocking(new Count(DONATIONS, 1));
        rival.interfereOnceWith(tallies.streamId(DONATIONS));

        assertEquals(2, commands.executeBlocking(new CountBoth(VISITORS, DONATIONS, 5), CLERK,
                DispatchOptions.NONE.expectedVersion(1)));

        assertEquals(2, countBothHandler.attempts());
        assertEquals(List.of(new Counted(1), new Counted(5)), payloadsOf(VISITORS));
        assertEquals(List.of(new Counted(1), new Counted(Rival.RIVAL_AMOUNT), new Counted(5)), payloadsOf(DONATIONS));
    }

    @Test
    void aPinnedVersionAppliesToTheFirstAggregateTheCommandLoads() {
        commands.executeBlocking(new Count(VISITORS, 1));
        commands.executeBlocking(new Count(DONATIONS, 1));
        commands.executeBlocking(new Count(DONATIONS, 1));

        assertEquals(2, commands.executeBlocking(new CountBoth(VISITORS, DONATIONS, 5), CLERK,
                DispatchOptions.NONE.expectedVersion(1)), "donations is at version 2, but the pin is on visitors");
        assertThrows(StaleVersionException.class, () -> commands.executeBlocking(new CountBoth(DONATIONS, VISITORS, 5), CLERK,
                DispatchOptions.NONE.expectedVersion(2)));
    }

    @Test
    void aCommandWithAnIdWhoseSecondSaveLostARaceRecordsItsOutcomeOnce() {
        commands.executeBlocking(new Count(VISITORS, 1));
        commands.executeBlocking(new Count(DONATIONS, 1));
        rival.interfereOnceWith(tallies.streamId(DONATIONS));
        DispatchOptions once = DispatchOptions.withCommandId(COMMAND_ID);

        long version = commands.executeBlocking(new CountInTurn(VISITORS, DONATIONS, 5), CLERK, once);
        long repeated = commands.executeBlocking(new CountInTurn(VISITORS, DONATIONS, 5), CLERK, once);

        assertEquals(version, repeated, "the repeat returns the recorded outcome");
        assertEquals(2, countInTurnHandler.attempts(), "the lost race and its retry; the repeat ran nothing");
        assertEquals(List.of(new Counted(1), new Counted(Rival.RIVAL_AMOUNT), new Counted(5)), payloadsOf(DONATIONS));
    }

    @Test
    void anExpectedVersionCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> DispatchOptions.NONE.expectedVersion(-1));
    }

    private List<Object> payloadsOf(String tally) {
        return store.readStream(tallies.streamId(tally), 1).stream().map(serializer::payloadOf).toList();
    }
}
