package io.annals.web.ops;

import io.annals.core.store.AppendResult;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.ForwardingEventStore;
import io.annals.core.store.NewEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.metrics.Timer;

/** The deployed event store with every append timed ({@code annals.store.append} in {@code /metrics}). */
final class TimedEventStore extends ForwardingEventStore {

    private final Timer appends;

    TimedEventStore(EventStore delegate, Timer appends) {
        super(delegate);
        this.appends = appends;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId) {
        long start = System.nanoTime();
        try {
            return delegate().append(streamId, expected, events, commandId);
        } finally {
            appends.update(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
