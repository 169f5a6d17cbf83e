package io.annals.core.forward;

import io.annals.core.store.StoredEvent;
import java.util.logging.Logger;

/** Writes each event's JSON as one INFO record of the logger {@code io.annals.forward.<name>}. */
final class LogDestination implements Destination {

    private final Logger log;

    LogDestination(String forwarder) {
        this.log = Logger.getLogger("io.annals.forward." + forwarder);
    }

    @Override
    public void deliver(StoredEvent event, String json) {
        log.info(json);
    }
}
