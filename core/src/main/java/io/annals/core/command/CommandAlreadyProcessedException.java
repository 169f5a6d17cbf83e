package io.annals.core.command;

import java.util.UUID;

/**
 * A command with this id already ran (its events are stored) but its outcome was not recorded, so
 * it cannot be returned. The command is not run again.
 */
public class CommandAlreadyProcessedException extends RuntimeException {

    private final UUID commandId;

    public CommandAlreadyProcessedException(UUID commandId) {
        super("command " + commandId + " already ran; its outcome was not recorded");
        this.commandId = commandId;
    }

    public UUID commandId() {
        return commandId;
    }
}
