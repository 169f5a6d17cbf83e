package io.annals.core.testing.tally;

import io.annals.core.command.Command;

/** What the saga issues for every count; answers the acknowledgement stream's new version. */
public record AcknowledgeTally(String counter, long position) implements Command<Long> {
}
