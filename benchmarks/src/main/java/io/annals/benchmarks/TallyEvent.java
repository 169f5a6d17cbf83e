package io.annals.benchmarks;

/** The events of {@link Tally}. */
sealed interface TallyEvent {

    record TallyOpened(String name) implements TallyEvent {
    }

    record TallyAdded(long amount) implements TallyEvent {
    }
}
