package io.annals.core.aggregate;

/** What can happen to a tally. */
sealed interface TallyEvent permits Counted {
}
