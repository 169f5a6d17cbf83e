package io.annals.core.command;

/**
 * A request to change state, answered with a result of type {@code R}. Commands are records named
 * in the imperative ({@code KillDragon}); Bean Validation constraints on them are checked by the bus.
 */
public interface Command<R> {
}
