package io.annals.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.event.UnhandledExceptions;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events a processor does not take are passed without a commit per batch: the checkpoint is
 * committed with the next event it takes, or once the last commit is older than the interval, and
 * passed events are read again when the durable checkpoint moved elsewhere meanwhile.
 */
class PassedEventsTest {

    private static final String WANTED = "Wanted";
    private static final String OTHER = "Other";

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CountingCheckpoints checkpoints = new CountingCheckpoints();
    private final SettableClock clock = new SettableClock();
    private final Picky picky = new Picky();
    private final TrackingProcessor tracking = new TrackingProcessor(picky, Picky.NAME,
            new TrackingSetup(store, checkpoints, new InMemoryDeadLetterStore(), new UnhandledExceptions(), 100,
                    new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)), clock),
            null, letter -> { }, false);

    @Test
    void eventsItDoesNotTakeArePassedWithoutACommitUntilTheIntervalEnds() {
        appendAndPoll(OTHER);
        assertEquals(1, checkpoints.commits, "the first batch commits");

        appendAndPoll(OTHER);
        appendAndPoll(OTHER);
        assertEquals(1, checkpoints.commits);
        assertEquals(1, checkpoints.position(Picky.NAME));
        assertEquals(3, tracking.position(), "the status counts the passed events");

        clock.advance(TrackingProcessor.SKIP_COMMIT_INTERVAL.plusMillis(1));
        appendAndPoll(OTHER);
        assertEquals(2, checkpoints.commits);
        assertEquals(4, checkpoints.position(Picky.NAME));
    }

    @Test
    void anEventItTakesIsCommittedAtOnceTogetherWithThePassedOnes() {
        appendAndPoll(OTHER);
        appendAndPoll(OTHER);

        appendAndPoll(WANTED);

        assertEquals(2, checkpoints.commits);
        assertEquals(3, checkpoints.position(Picky.NAME));
        assertEquals(List.of(3L), picky.handled);
    }

    @Test
    void passedEventsAreReadAgainWhenTheCheckpointMovedElsewhere() {
        appendAndPoll(OTHER);
        append(WANTED);
        appendAndPoll(OTHER);
        assertEquals(List.of(2L), picky.handled);

        checkpoints.reset(Picky.NAME);
        assertEquals(0, tracking.position());
        tracking.poll();

        assertEquals(List.of(2L, 2L), picky.handled, "read again from the reset checkpoint");
    }

    private void appendAndPoll(String type) {
        append(type);
        tracking.poll();
    }

    private void append(String type) {
        store.append("s-" + UUID.randomUUID(), ExpectedVersion.ANY,
                List.of(new NewEvent(UUID.randomUUID(), type, 1, "{}", new EventMetadata("flow", null, null, null))));
    }

    /** A saga-like processor that takes one type and notes the positions it handled. */
    private static final class Picky implements StoredEventProcessor {
        static final String NAME = "picky";
        final List<Long> handled = new ArrayList<>();

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public ProcessorKind kind() {
            return ProcessorKind.SAGA;
        }

        @Override
        public boolean accepts(String eventType) {
            return WANTED.equals(eventType);
        }

        @Override
        public void handle(StoredEvent event) {
            handled.add(event.position());
        }
    }

    private static final class CountingCheckpoints extends InMemoryCheckpointStore {
        int commits;

        @Override
        public void commit(String processor, long position, Runnable batch) {
            commits++;
            super.commit(processor, position, batch);
        }
    }

    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
