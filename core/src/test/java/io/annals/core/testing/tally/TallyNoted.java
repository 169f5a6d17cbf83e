package io.annals.core.testing.tally;

/** An event the tally projection does not handle. */
public record TallyNoted(String note) {
}
