/**
 * Commands: the {@link io.annals.core.command.Command} marker, one
 * {@link io.annals.core.command.CommandHandler} per command type, and the
 * {@link io.annals.core.command.CommandBus} that validates, runs in context, retries version
 * conflicts until a deadline and runs a command with an id at most once.
 */
package io.annals.core.command;
