package io.annals.core.store;

import java.util.List;

/**
 * The outcome of an append: the events as stored (with versions and positions) and whether the
 * call was a repeat of an earlier, identical append that stored nothing new.
 */
public record AppendResult(String streamId, long streamVersion, List<StoredEvent> events, boolean repeated) {

    public AppendResult {
        events = List.copyOf(events);
    }

    /** Position of the last event of this append. */
    public long lastPosition() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).position();
    }
}
