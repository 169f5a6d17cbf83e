package io.annals.core.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The parts of the append contract every store decides the same way: argument checks and whether an
 * append repeats an earlier one (idempotency by event id, decided before the version check).
 */
public final class AppendRules {

    private AppendRules() {
    }

    /** @throws IllegalArgumentException naming the bad argument */
    public static void validate(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        if (streamId == null || streamId.isBlank()) {
            throw new IllegalArgumentException("streamId must not be null or blank");
        }
        if (streamId.length() > 200) {
            throw new IllegalArgumentException("streamId must be at most 200 characters");
        }
        if (expected == null) {
            throw new IllegalArgumentException("expected version must not be null");
        }
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("events must not be null or empty");
        }
        Set<UUID> ids = new HashSet<>();
        for (NewEvent event : events) {
            if (event == null) {
                throw new IllegalArgumentException("events must not contain null");
            }
            if (!ids.add(event.eventId())) {
                throw new IllegalArgumentException("event id " + event.eventId() + " appears twice in one append");
            }
            if (event.data().length() > EventStore.MAX_PAYLOAD_CHARS) {
                throw new IllegalArgumentException("payload of event " + event.eventId() + " exceeds "
                        + EventStore.MAX_PAYLOAD_CHARS + " characters");
            }
        }
    }

    /**
     * Decides idempotency from where the appended ids are already stored.
     *
     * @param stored the locations of those of the appended event ids that are already stored
     * @return true when the append repeats an earlier one exactly (same stream, same consecutive
     *         versions, compatible expected version); false when none of the ids is stored
     * @throws EventIdConflictException when only some ids are stored or they sit elsewhere
     */
    public static boolean isRepeat(String streamId, ExpectedVersion expected, List<NewEvent> events,
                                   Map<UUID, EventLocation> stored) {
        if (stored.isEmpty()) {
            return false;
        }
        if (stored.size() != events.size()) {
            UUID first = events.stream().map(NewEvent::eventId).filter(stored::containsKey).findFirst().orElseThrow();
            throw new EventIdConflictException(first, "is already stored but the rest of the batch is not (partial overlap)");
        }
        EventLocation firstLocation = stored.get(events.get(0).eventId());
        for (int i = 0; i < events.size(); i++) {
            UUID id = events.get(i).eventId();
            EventLocation location = stored.get(id);
            if (!location.streamId().equals(streamId) || location.version() != firstLocation.version() + i) {
                throw new EventIdConflictException(id, "is already stored at " + location.streamId() + "@" + location.version());
            }
        }
        if (!expected.isAny() && expected.value() != firstLocation.version() - 1) {
            throw new EventIdConflictException(events.get(0).eventId(), "is already stored at " + streamId + "@"
                    + firstLocation.version() + ", not after expected version " + expected);
        }
        return true;
    }
}
