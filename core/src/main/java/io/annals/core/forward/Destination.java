package io.annals.core.forward;

import io.annals.core.store.StoredEvent;

/** Where a forwarder delivers: returns when the destination took the event, throws when it did not. */
interface Destination {

    /** Delivers one event; {@code json} is its {@link io.annals.core.event.EventJson} document. */
    void deliver(StoredEvent event, String json);
}
