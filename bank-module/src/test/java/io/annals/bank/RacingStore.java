package io.annals.bank;

import io.annals.core.store.AppendResult;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.ForwardingEventStore;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import io.annals.core.store.StreamVersionConflictException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event store that makes concurrent writers race for certain: once {@link #startRace} was called,
 * appends wait until two reads have happened, so at least two writers hold the same version. It
 * counts the version conflicts it refuses.
 */
final class RacingStore extends ForwardingEventStore {

    private final AtomicInteger conflicts = new AtomicInteger();
    private volatile CountDownLatch readsBeforeAppends;

    RacingStore(EventStore delegate) {
        super(delegate);
    }

    void startRace() {
        readsBeforeAppends = new CountDownLatch(2);
    }

    int conflicts() {
        return conflicts.get();
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId) {
        CountDownLatch gate = readsBeforeAppends;
        if (gate != null) {
            awaitQuietly(gate);
        }
        try {
            return delegate().append(streamId, expected, events, commandId);
        } catch (StreamVersionConflictException conflict) {
            conflicts.incrementAndGet();
            throw conflict;
        }
    }

    @Override
    public List<StoredEvent> readStream(String streamId, long fromVersion) {
        List<StoredEvent> events = delegate().readStream(streamId, fromVersion);
        CountDownLatch gate = readsBeforeAppends;
        if (gate != null) {
            gate.countDown();
        }
        return events;
    }








    private static void awaitQuietly(CountDownLatch gate) {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no second writer read the stream within 10 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
