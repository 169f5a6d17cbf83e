package io.annals.core.processor;

import io.annals.core.event.UnhandledExceptions;
import io.annals.core.store.EventStore;
import java.time.Clock;

/** What every tracking processor of one runtime shares. */
record TrackingSetup(EventStore store, CheckpointStore checkpoints, DeadLetterStore deadLetters,
                     UnhandledExceptions unhandled, int batchSize, RetryPolicy retries, Clock clock) {

    TrackingSetup withCheckpoints(CheckpointStore other) {
        return new TrackingSetup(store, other, deadLetters, unhandled, batchSize, retries, clock);
    }
}
