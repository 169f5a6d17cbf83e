package io.annals.core.event;

/**
 * A failure nobody was waiting for: an asynchronous observer, a saga or a projection threw. Fired
 * as a CDI event and offered to {@link UnhandledExceptions} subscribers.
 *
 * @param message the event or command that was being handled
 * @param error what it threw
 * @param handler who handled it (observer, saga or processor name)
 */
public record UnhandledException(Object message, Throwable error, String handler) {
}
