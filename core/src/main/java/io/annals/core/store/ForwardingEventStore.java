package io.annals.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event store that hands every call to another one: extend it to time, count or gate some calls
 * and leave the rest as they are.
 */
public abstract class ForwardingEventStore implements EventStore {

    private final EventStore delegate;

    protected ForwardingEventStore(EventStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected final EventStore delegate() {
        return delegate;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId) {
        return delegate.append(streamId, expected, events, commandId);
    }

    @Override
    public List<StoredEvent> readStream(String streamId, long fromVersion) {
        return delegate.readStream(streamId, fromVersion);
    }

    @Override
    public long streamVersion(String streamId) {
        return delegate.streamVersion(streamId);
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        return delegate.readAll(afterPosition, limit);
    }

    @Override
    public long headPosition() {
        return delegate.headPosition();
    }

    @Override
    public Optional<ProcessedCommand> processedCommand(UUID commandId) {
        return delegate.processedCommand(commandId);
    }

    @Override
    public void recordCommandOutcome(UUID commandId, String outcome) {
        delegate.recordCommandOutcome(commandId, outcome);
    }

    @Override
    public Optional<Snapshot> latestSnapshot(String streamId) {
        return delegate.latestSnapshot(streamId);
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        delegate.saveSnapshot(snapshot);
    }
}
