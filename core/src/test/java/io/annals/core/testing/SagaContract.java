package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.processor.DeadLetter;
import io.annals.core.processor.DeadLetterState;
import io.annals.core.processor.SagaRebuildRefusedException;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.tally.AcknowledgeTallyHandler;
import io.annals.core.testing.tally.AcknowledgementRepository;
import io.annals.core.testing.tally.FailurePlan;
import io.annals.core.testing.tally.SimulatedCrash;
import io.annals.core.testing.tally.TallyCounted;
import io.annals.core.testing.tally.TallySaga;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a saga's processor guarantees on any stores: a process killed between an event and the
 * saga's command issues the command after a restart, exactly once (deterministic command ids), and
 * a saga is never rebuilt. A store module extends it with its own {@link #newStores()}.
 */
public abstract class SagaContract extends ProcessorContractSupport {

    private static final Duration IDLE = Duration.ofSeconds(10);

    @Override
    protected Class<?>[] applicationBeans() {
        return new Class<?>[] {TallySaga.class, FailurePlan.class, AcknowledgeTallyHandler.class, AcknowledgementRepository.class};
    }

    private List<StoredEvent> acknowledgements() {
        return log().stream().filter(e -> e.type().equals("TallyAcknowledged")).toList();
    }

    @Test
    void aSagaKilledBetweenTheEventAndItsCommandIssuesTheCommandAfterRestartOnce() {
        RuntimeNode first = boot();
        first.plan().crashBeforeCommand();
        StoredEvent counted = first.append(stream(), new TallyCounted("a", 1)).get(0);

        assertThrows(SimulatedCrash.class, () -> first.runtime().awaitIdle(IDLE));
        assertEquals(List.of(), acknowledgements());
        first.close();

        RuntimeNode restarted = boot();
        restarted.runtime().awaitIdle(IDLE);

        List<StoredEvent> acknowledged = acknowledgements();
        assertEquals(1, acknowledged.size());
        assertEquals(1, restarted.plan().commandsHandled());
        assertEquals(counted.eventId().toString(), acknowledged.get(0).metadata().causationId());
        assertEquals(counted.metadata().correlationId(), acknowledged.get(0).metadata().correlationId());
        assertEquals(stores.events().headPosition(), restarted.runtime().status(TallySaga.NAME).position());
        assertEquals(List.of(), restarted.runtime().deadLetters());
    }

    @Test
    void aSagaKilledAfterItsCommandStoredItsEventsDoesNotIssueItAgain() {
        RuntimeNode first = boot();
        first.plan().crashAfterCommand();
        first.append(stream(), new TallyCounted("a", 1));

        assertThrows(SimulatedCrash.class, () -> first.runtime().awaitIdle(IDLE));
        assertEquals(1, acknowledgements().size(), "the command stored its events before the crash");
        first.close();

        RuntimeNode restarted = boot();
        restarted.runtime().awaitIdle(IDLE);

        assertEquals(1, acknowledgements().size(), "the re-delivered event found its command already processed");
        assertEquals(0, restarted.plan().commandsHandled());
        assertEquals(List.of(), restarted.runtime().deadLetters());
        assertEquals(stores.events().headPosition(), restarted.runtime().status(TallySaga.NAME).position());
    }

    @Test
    void aParkedSagaEventIssuesItsCommandOnceWhenRetried() {
        RuntimeNode node = boot();
        node.plan().poison("p");
        node.append(stream(), new TallyCounted("p", 1), new TallyCounted("a", 2));
        node.runtime().awaitIdle(IDLE);
        assertEquals(1, acknowledgements().size(), "the event after the parked one went on");
        DeadLetter parked = node.runtime().deadLetters().get(0);
        node.plan().cure("p");

        assertEquals(DeadLetterState.RETRIED, node.runtime().retryDeadLetter(parked.id()).state());
        node.runtime().awaitIdle(IDLE);

        assertEquals(2, acknowledgements().size());
        assertEquals(2, node.plan().commandsHandled());
    }

    @Test
    void aSagaIsNeverRebuilt() {
        RuntimeNode node = boot();

        assertThrows(SagaRebuildRefusedException.class, () -> node.runtime().rebuild(TallySaga.NAME));
    }
}
