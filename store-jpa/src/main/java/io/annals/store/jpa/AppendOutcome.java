package io.annals.store.jpa;

import io.annals.core.store.StoredEvent;
import java.util.List;

/** What the writer did with one append. */
sealed interface AppendOutcome {

    /** The events were stored as given. */
    record Appended(List<StoredEvent> events, long streamVersion) implements AppendOutcome {
    }

    /** The append repeats one already stored at {@code firstVersion}: nothing new was stored. */
    record Repeated(String streamId, long firstVersion, int count, long streamVersion) implements AppendOutcome {
    }
}
