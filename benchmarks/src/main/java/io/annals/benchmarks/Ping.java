package io.annals.benchmarks;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotNull;

/** The trivial command of the dispatch case: one constraint, so validation runs. */
record Ping(@NotNull Long sequence) implements Command<Long> {
}
