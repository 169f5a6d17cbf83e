package io.annals.core.command;

/**
 * Handles exactly one command type. Ship it as a CDI bean (usually {@code @ApplicationScoped}); the
 * extension finds it at deployment and refuses a second handler for the same type.
 */
public interface CommandHandler<C extends Command<R>, R> {

    R execute(C command);
}
