package io.annals.core.aggregate;

import io.annals.core.event.EventSerializer;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A concurrent writer on cue: armed for a stream, it appends one event there the next time a handler
 * lets it, between the handler's load and its save.
 */
@ApplicationScoped
class Rival {

    static final int RIVAL_AMOUNT = 100;

    private String armedFor;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    synchronized void interfereOnceWith(String streamId) {
        armedFor = streamId;
    }

    synchronized void interfereIfArmed(String streamId) {
        if (streamId.equals(armedFor)) {
            armedFor = null;
            store.append(streamId, ExpectedVersion.ANY,
                    List.of(serializer.toNewEvent(new Counted(RIVAL_AMOUNT), new EventMetadata("rival", null, "rival", null))));
        }
    }
}
