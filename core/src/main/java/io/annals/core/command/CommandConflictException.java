package io.annals.core.command;

import java.time.Duration;

/**
 * Concurrent writers kept changing the aggregate a command targets until the retry deadline passed.
 * Nothing was stored by the failed attempts.
 */
public class CommandConflictException extends RuntimeException {

    public CommandConflictException(Class<?> commandType, Duration deadline, Throwable lastConflict) {
        super(commandType.getSimpleName() + " kept conflicting with concurrent writers for " + deadline, lastConflict);
    }
}
