package io.annals.core.testing.tally;

/** Adds {@code amount} to a counter. */
public record TallyCounted(String counter, long amount) {
}
