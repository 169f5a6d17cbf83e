package io.annals.core.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event store in memory: the reference implementation of the contract, for tests and for
 * trying things out. One lock makes every append atomic and the global log trivially gap-free.
 */
public class InMemoryEventStore implements EventStore {

    private final Clock clock;
    private final List<StoredEvent> log = new ArrayList<>();
    private final Map<String, List<StoredEvent>> streams = new HashMap<>();
    private final Map<UUID, EventLocation> locations = new HashMap<>();
    private final Map<UUID, ProcessedCommand> commands = new HashMap<>();
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    public InMemoryEventStore() {
        this(Clock.systemUTC());
    }

    public InMemoryEventStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId) {
        AppendRules.validate(streamId, expected, events);
        Map<UUID, EventLocation> stored = new HashMap<>();
        for (NewEvent event : events) {
            EventLocation location = locations.get(event.eventId());
            if (location != null) {
                stored.put(event.eventId(), location);
            }
        }
        List<StoredEvent> stream = streams.getOrDefault(streamId, List.of());
        if (AppendRules.isRepeat(streamId, expected, events, stored)) {
            long first = stored.get(events.get(0).eventId()).version();
            List<StoredEvent> earlier = stream.subList((int) first - 1, (int) first - 1 + events.size());
            return new AppendResult(streamId, stream.size(), earlier, true);
        }
        if (!expected.matches(stream.size())) {
            throw new StreamVersionConflictException(streamId, expected, stream.size());
        }
        if (commandId != null && commands.containsKey(commandId)) {
            throw new DuplicateCommandException(commandId);
        }
        List<StoredEvent> appended = new ArrayList<>(events.size());
        long version = stream.size();
        for (NewEvent event : events) {
            appended.add(new StoredEvent(log.size() + appended.size() + 1L, streamId, ++version, event.eventId(),
                    event.type(), event.schemaVersion(), event.data(), event.metadata(), clock.instant()));
        }
        List<StoredEvent> target = streams.computeIfAbsent(streamId, id -> new ArrayList<>());
        for (StoredEvent event : appended) {
            log.add(event);
            target.add(event);
            locations.put(event.eventId(), new EventLocation(streamId, event.version()));
        }
        if (commandId != null) {
            commands.put(commandId, new ProcessedCommand(commandId, streamId, Optional.empty()));
        }
        return new AppendResult(streamId, version, appended, false);
    }

    @Override
    public synchronized List<StoredEvent> readStream(String streamId, long fromVersion) {
        List<StoredEvent> stream = streams.getOrDefault(streamId, List.of());
        int from = (int) Math.max(0, Math.min(stream.size(), fromVersion - 1));
        return List.copyOf(stream.subList(from, stream.size()));
    }

    @Override
    public synchronized long streamVersion(String streamId) {
        return streams.getOrDefault(streamId, List.of()).size();
    }

    @Override
    public synchronized List<StoredEvent> readAll(long afterPosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        int from = (int) Math.max(0, Math.min(log.size(), afterPosition));
        int to = (int) Math.min(log.size(), (long) from + limit);
        return List.copyOf(log.subList(from, to));
    }

    @Override
    public synchronized long headPosition() {
        return log.size();
    }

    @Override
    public synchronized Optional<ProcessedCommand> processedCommand(UUID commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    @Override
    public synchronized void recordCommandOutcome(UUID commandId, String outcome) {
        ProcessedCommand processed = commands.get(commandId);
        if (processed == null) {
            throw new IllegalArgumentException("command " + commandId + " was not recorded by any append");
        }
        commands.put(commandId, new ProcessedCommand(commandId, processed.streamId(), Optional.ofNullable(outcome)));
    }

    @Override
    public Optional<Snapshot> latestSnapshot(String streamId) {
        return Optional.ofNullable(snapshots.get(streamId));
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        snapshots.merge(snapshot.streamId(), snapshot, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }
}
