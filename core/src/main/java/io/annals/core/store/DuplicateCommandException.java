package io.annals.core.store;

import java.util.UUID;

/** An append carried a command id that an earlier append already recorded; nothing was stored. */
public class DuplicateCommandException extends EventStoreException {

    private final UUID commandId;

    public DuplicateCommandException(UUID commandId) {
        super("command " + commandId + " has already been processed");
        this.commandId = commandId;
    }

    public UUID commandId() {
        return commandId;
    }
}
