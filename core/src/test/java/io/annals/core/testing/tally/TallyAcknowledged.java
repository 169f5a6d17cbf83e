package io.annals.core.testing.tally;

/** The saga's command took effect: the count at {@code position} was acknowledged. */
public record TallyAcknowledged(String counter, long position) {
}
