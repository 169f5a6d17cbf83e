package io.annals.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.lending.Book;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookAlreadyLentException;
import io.annals.core.lending.BookEvent;
import io.annals.core.lending.BookId;
import io.annals.core.lending.BookLent;
import io.annals.core.lending.BookReturned;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An aggregate on its own: decide, apply, keep uncommitted events, replay history. */
class AggregateRootTest {

    private static final BookId DUNE = BookId.random();
    private static final List<BookEvent> DUNE_LENT_AND_RETURNED = List.of(
            new BookAdded(DUNE, "Dune"), new BookLent(DUNE, "alice"), new BookReturned(DUNE));

    @Test
    void aNewAggregateIsAtVersionZeroWithNothingToSave() {
        Book book = new Book(DUNE);

        assertEquals(DUNE, book.id());
        assertEquals(0, book.version());
        assertEquals(List.of(), book.uncommittedEvents());
    }

    @Test
    void applyChangesStateAndKeepsTheEventUntilSavedWithoutMovingTheVersion() {
        Book book = new Book(DUNE);

        book.add("Dune");
        book.lendTo("alice");

        assertEquals("Dune", book.title());
        assertEquals("alice", book.borrower());
        assertEquals(List.of(new BookAdded(DUNE, "Dune"), new BookLent(DUNE, "alice")), book.uncommittedEvents());
        assertEquals(0, book.version());
    }

    @Test
    void aRefusedDecisionAppliesNothing() {
        Book book = new Book(DUNE);
        book.add("Dune");
        book.lendTo("alice");

        assertThrows(BookAlreadyLentException.class, () -> book.lendTo("bob"));

        assertEquals("alice", book.borrower());
        assertEquals(2, book.uncommittedEvents().size());
    }

    @Test
    void loadFromHistoryRebuildsStateAndVersionWithNothingToSave() {
        Book book = new Book(DUNE);

        book.loadFromHistory(DUNE_LENT_AND_RETURNED);

        assertEquals("Dune", book.title());
        assertEquals(null, book.borrower());
        assertEquals(3, book.version());
        assertEquals(List.of(), book.uncommittedEvents());
    }

    @Test
    void loadFromHistoryContinuesTheVersionsOfEarlierHistory() {
        Book book = new Book(DUNE);

        book.loadFromHistory(DUNE_LENT_AND_RETURNED.subList(0, 2));
        book.loadFromHistory(DUNE_LENT_AND_RETURNED.subList(2, 3));

        assertEquals(3, book.version());
        assertEquals(null, book.borrower());
    }

    @Test
    void uncommittedEventsAreAReadOnlyCopy() {
        Book book = new Book(DUNE);
        book.add("Dune");

        List<BookEvent> pending = book.uncommittedEvents();

        assertThrows(UnsupportedOperationException.class, () -> pending.add(new BookReturned(DUNE)));
        assertEquals(1, book.uncommittedEvents().size());
    }

    @Test
    void commitWithoutARepositoryFailsNamingTheAggregate() {
        Book book = new Book(DUNE);
        book.add("Dune");

        IllegalStateException failure = assertThrows(IllegalStateException.class, book::commit);

        assertTrue(failure.getMessage().contains("Book " + DUNE), failure.getMessage());
        assertEquals(1, book.uncommittedEvents().size());
    }

    @Test
    void autoCommitWithoutARepositoryKeepsEventsUncommitted() {
        Tally tally = new Tally("t");
        tally.saveEveryEvent();

        tally.count(2);

        assertEquals(List.of(new Counted(2)), tally.uncommittedEvents());
    }

    @Test
    void anIdAndEventsMustNotBeNull() {
        assertEquals("id", assertThrows(NullPointerException.class, () -> new Book(null)).getMessage());
        assertThrows(NullPointerException.class, () -> new NullApplier("n").applyNothing());
    }

    /** Applies null, which the base class refuses. */
    static final class NullApplier extends AggregateRoot<String, Object> {
        NullApplier(String id) {
            super(id);
        }

        void applyNothing() {
            apply(null);
        }

        @Override
        protected void when(Object event) {
        }
    }
}
