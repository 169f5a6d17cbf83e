package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.command.Command;
import io.annals.core.event.EventEnvelope;
import io.annals.core.event.EventType;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookId;
import io.annals.core.lending.BookLent;
import io.annals.core.lending.BookReturned;
import io.annals.core.lending.LendBook;
import io.annals.core.lending.ReturnBook;
import io.annals.core.processor.Saga;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The saga fixture reports the commands a saga's steps return for an event. */
class SagaFixtureTest {

    private static final BookId DUNE = BookId.random();
    private static final String SHELF_STREAM = "book-" + DUNE;

    @Test
    void thenPassesWithTheCommandsTheSagaReturned() {
        SagaFixture.of(new Librarian())
                .given(new BookAdded(DUNE, "Dune"))
                .then(new LendBook(DUNE, Librarian.READER));
    }

    @Test
    void thenListsTheCommandsOfEveryStepForTheEventInTheOrderOfTheStepsNames() {
        SagaFixture.of(new Librarian())
                .given(new BookLent(DUNE, Librarian.READER))
                .then(new AddBook(Librarian.copyOf(DUNE), "Copy"), new ReturnBook(DUNE));
    }

    @Test
    void thenFailsWithOtherCommands() {
        assertThrows(AssertionFailedError.class, () -> SagaFixture.of(new Librarian())
                .given(new BookAdded(DUNE, "Dune"))
                .then(new LendBook(DUNE, "somebody else")));
    }

    @Test
    void thenNothingPassesWhenTheSagaReturnsNothingOrHasNoStepForTheEvent() {
        SagaFixture.of(new Librarian()).given(new BookAdded(DUNE, Librarian.RESERVED)).thenNothing();
        SagaFixture.of(new Librarian()).given(new BookReturned(DUNE)).thenNothing();
        SagaFixture.of(new Librarian()).given(new Shelved("A3")).thenNothing();
    }

    @Test
    void thenNothingFailsWhenTheSagaReacted() {
        assertThrows(AssertionFailedError.class, () -> SagaFixture.of(new Librarian())
                .given(new BookAdded(DUNE, "Dune"))
                .thenNothing());
    }

    @Test
    void aStepThatWantsTheEnvelopeGetsTheGivenStreamVersionAndLogicalTypeName() {
        Librarian librarian = new Librarian();

        SagaFixture.of(librarian).given(new Relabelled("Dune"), SHELF_STREAM, 7).thenNothing();

        EventEnvelope<?> envelope = librarian.envelopes.get(0);
        assertEquals(SHELF_STREAM, envelope.streamId());
        assertEquals(7, envelope.version());
        assertEquals(Relabelled.NAME, envelope.type());
        assertEquals(new Relabelled("Dune"), envelope.payload());
    }

    @Test
    void aSagaThatThrowsFailsTheGiven() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> SagaFixture.of(new Librarian()).given(new BookAdded(DUNE, Librarian.CURSED)));

        assertEquals(Librarian.CURSED, failure.getMessage());
    }

    @Test
    void theFixtureWorksOnTheContainersProxyOfTheSagaBean() {
        try (WeldContainer container = AnnalsWeld.weld(Librarian.class, InMemoryStores.class).initialize()) {
            Librarian proxy = container.select(Librarian.class).get();

            SagaFixture.of(proxy).given(new BookAdded(DUNE, "Dune")).then(new LendBook(DUNE, Librarian.READER));
        }
    }

    /** Not handled by any saga step. */
    record Shelved(String shelf) {
    }

    @EventType(name = Relabelled.NAME, version = 2)
    record Relabelled(String title) {
        static final String NAME = "book.relabelled";
    }

    /** Lends new books to the reader, who returns them, and has a copy made of every lent book. */
    @ApplicationScoped
    static class Librarian {
        static final String READER = "reader";
        static final String RESERVED = "Reserved";
        static final String CURSED = "Cursed";

        final List<EventEnvelope<?>> envelopes = new ArrayList<>();

        static BookId copyOf(BookId book) {
            return new BookId(new UUID(book.value().getMostSignificantBits(), ~book.value().getLeastSignificantBits()));
        }

        @Saga
        LendBook lendNewBooks(BookAdded added) {
            if (CURSED.equals(added.title())) {
                throw new IllegalStateException(CURSED);
            }
            return RESERVED.equals(added.title()) ? null : new LendBook(added.book(), READER);
        }

        @Saga
        ReturnBook returnLentBooks(BookLent lent) {
            return new ReturnBook(lent.book());
        }

        @Saga
        List<Command<?>> copyLentBooks(BookLent lent) {
            return List.of(new AddBook(copyOf(lent.book()), "Copy"));
        }

        @Saga
        void noteRelabelling(Relabelled relabelled, EventEnvelope<Relabelled> envelope) {
            envelopes.add(envelope);
        }
    }
}
