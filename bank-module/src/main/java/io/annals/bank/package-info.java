/**
 * Bank accounts and transfers between them. An {@code Account} is an event-sourced aggregate that is
 * opened for an owner and takes deposits and withdrawals, refusing to go below zero. A transfer is a
 * process manager: {@link io.annals.bank.TransferMoney} debits the source at once and records a
 * {@code Transfer} in its own stream; a saga then credits the target and completes the transfer, or,
 * when the target does not exist, refunds the source and fails it. Each step is a command with a
 * deterministic id driven from the global log, so a crash between two steps is completed or
 * compensated after a restart. The {@code accounts} read model lists balances in creation order.
 * Public types are the module's language (ids, commands, events, queries, results, refusals); the
 * aggregates, handlers, saga and read model are package-private CDI beans.
 */
package io.annals.bank;
