package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.processor.DeadLetter;
import io.annals.core.processor.DeadLetterState;
import io.annals.core.processor.DeadLetterStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link DeadLetterStore} contract: entries are kept with every field, listed while parked in
 * position order, and resolved by update, never deleted. The store starts empty for each test.
 */
public abstract class DeadLetterStoreContract {

    /** An empty store for this test. */
    protected abstract DeadLetterStore store();

    private static final Instant PARKED_AT = Instant.parse("2026-11-21T10:15:30.123Z");

    private static DeadLetter letter(String processor, long position) {
        return DeadLetter.parked(processor, UUID.randomUUID(), position, "boom at " + position, 3, PARKED_AT);
    }

    @Test
    void keepsEveryFieldOfAParkedEntry() {
        DeadLetter letter = letter("accounts", 42);

        store().park(letter);

        DeadLetter found = store().find(letter.id()).orElseThrow();
        assertEquals(letter.id(), found.id());
        assertEquals("accounts", found.processor());
        assertEquals(letter.eventId(), found.eventId());
        assertEquals(42, found.position());
        assertEquals("boom at 42", found.error());
        assertEquals(3, found.attempts());
        assertEquals(PARKED_AT, found.parkedAt().truncatedTo(ChronoUnit.MILLIS));
        assertEquals(DeadLetterState.PARKED, found.state());
        assertEquals(null, found.resolvedAt());
    }

    @Test
    void listsParkedEntriesInPositionOrder() {
        DeadLetter late = letter("accounts", 9);
        DeadLetter early = letter("heroes", 3);
        store().park(late);
        store().park(early);

        assertEquals(List.of(early.id(), late.id()), store().parked().stream().map(DeadLetter::id).toList());
    }

    @Test
    void aResolvedEntryLeavesTheParkedListButStaysOnRecord() {
        DeadLetter letter = letter("accounts", 5);
        store().park(letter);
        Instant at = PARKED_AT.plusSeconds(60);

        store().update(letter.resolved(DeadLetterState.SKIPPED, at));

        assertEquals(List.of(), store().parked());
        DeadLetter found = store().find(letter.id()).orElseThrow();
        assertEquals(DeadLetterState.SKIPPED, found.state());
        assertEquals(at, found.resolvedAt().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aFailedRetryUpdatesAttemptsAndError() {
        DeadLetter letter = letter("accounts", 5);
        store().park(letter);

        store().update(letter.failedAgain("still broken"));

        DeadLetter found = store().parked().get(0);
        assertEquals(4, found.attempts());
        assertEquals("still broken", found.error());
    }

    @Test
    void anEventCanBeParkedAgainAfterItsEntryWasResolved() {
        DeadLetter first = letter("accounts", 5);
        store().park(first);
        store().update(first.resolved(DeadLetterState.RETRIED, PARKED_AT.plusSeconds(1)));
        DeadLetter again = DeadLetter.parked("accounts", first.eventId(), 5, "failed in a rebuild", 3, PARKED_AT.plusSeconds(2));

        store().park(again);

        assertEquals(List.of(again.id()), store().parked().stream().map(DeadLetter::id).toList());
        assertEquals(DeadLetterState.RETRIED, store().find(first.id()).orElseThrow().state());
    }

    @Test
    void unknownIdsAreNotFound() {
        assertTrue(store().find(UUID.randomUUID()).isEmpty());
        assertThrows(NoSuchElementException.class, () -> store().update(letter("accounts", 1)));
    }
}
