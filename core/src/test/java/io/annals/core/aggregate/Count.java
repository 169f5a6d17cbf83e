package io.annals.core.aggregate;

import io.annals.core.command.Command;

/** Adds an amount to a tally, creating it on first use; answers with the tally's version. */
record Count(String tally, int amount) implements Command<Long> {
}
