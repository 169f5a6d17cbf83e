package io.annals.bank;

import io.annals.core.store.AppendResult;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.ForwardingEventStore;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StreamVersionConflictException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event store that makes concurrent writers race for certain: once {@link #startRace} was called,
 * the first append waits until a second one arrives, so at least two writers hold the same version
 * (commands load from kept state without reading, so the race is held at the append). It counts
 * the version conflicts it refuses.
 */
final class RacingStore extends ForwardingEventStore {

    private final AtomicInteger conflicts = new AtomicInteger();
    private volatile CountDownLatch twoAppends;

    RacingStore(EventStore delegate) {
        super(delegate);
    }

    void startRace() {
        twoAppends = new CountDownLatch(2);
    }

    int conflicts() {
        return conflicts.get();
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId) {
        CountDownLatch gate = twoAppends;
        if (gate != null) {
            gate.countDown();
            awaitQuietly(gate);
        }
        try {
            return delegate().append(streamId, expected, events, commandId);
        } catch (StreamVersionConflictException conflict) {
            conflicts.incrementAndGet();
            throw conflict;
        }
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no second writer appended within 10 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
