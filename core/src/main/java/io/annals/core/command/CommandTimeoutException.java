package io.annals.core.command;

import java.time.Duration;

/**
 * An asynchronous dispatch did not complete within its timeout. The handler may still finish: a
 * retry with the same command id is safe.
 */
public class CommandTimeoutException extends RuntimeException {

    public CommandTimeoutException(Class<?> commandType, Duration timeout) {
        super(commandType.getSimpleName() + " did not complete within " + timeout);
    }
}
