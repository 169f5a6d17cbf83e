package io.annals.core.aggregate;

/** An amount was added to a tally. */
record Counted(int amount) implements TallyEvent {
}
