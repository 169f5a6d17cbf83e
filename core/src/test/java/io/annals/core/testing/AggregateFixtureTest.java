package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.aggregate.AggregateRoot;
import io.annals.core.aggregate.EventSourcedRepository;
import io.annals.core.command.Command;
import io.annals.core.command.CommandBus;
import io.annals.core.command.CommandHandler;
import io.annals.core.event.EventSerializer;
import io.annals.core.lending.Book;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookAlreadyLentException;
import io.annals.core.lending.BookId;
import io.annals.core.lending.BookLent;
import io.annals.core.lending.Books;
import io.annals.core.lending.LendBook;
import io.annals.core.lending.Lending;
import io.annals.core.lending.UnknownBookException;
import io.annals.core.store.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The given/when/then fixture passes what it should, and fails what it should, with a useful message. */
@EnableWeld
class AggregateFixtureTest {

    private static final BookId DUNE = BookId.random();
    private static final BookId EMMA = BookId.random();
    private static final String DIARY = "diary";

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(
                    Notebooks.class, WriteHandler.class, WriteThenTripHandler.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    Books books;

    @Inject
    Notebooks notebooks;

    @Inject
    CommandBus commands;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    private AggregateFixture<Book, BookId> lending;
    private AggregateFixture<Notebook, String> writing;

    @BeforeEach
    void fixtures() {
        lending = AggregateFixture.of(books, commands, store, serializer);
        writing = AggregateFixture.of(notebooks, commands, store, serializer);
    }

    @Test
    void thenPassesWhenTheCommandStoredExactlyTheseEvents() {
        lending.given(DUNE, new BookAdded(DUNE, "Dune"))
                .when(new LendBook(DUNE, "alice"))
                .then(new BookLent(DUNE, "alice"));
    }

    @Test
    void givenCanStoreTheHistoryOfSeveralAggregates() {
        lending.given(DUNE, new BookAdded(DUNE, "Dune"))
                .and(EMMA, new BookAdded(EMMA, "Emma"), new BookLent(EMMA, "bob"))
                .when(new LendBook(DUNE, "bob"))
                .then(new BookLent(DUNE, "bob"));

        assertEquals("bob", books.load(EMMA).borrower());
    }

    @Test
    void thenFailsWhenTheStoredEventsDiffer() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> lending
                .given(DUNE, new BookAdded(DUNE, "Dune"))
                .when(new LendBook(DUNE, "alice"))
                .then(new BookLent(DUNE, "bob")));

        assertTrue(failure.getMessage().contains("events stored by the command"), failure.getMessage());
    }

    @Test
    void thenFailsWhenTheCommandWasRefused() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> lending
                .given(DUNE, new BookAdded(DUNE, "Dune"), new BookLent(DUNE, "alice"))
                .when(new LendBook(DUNE, "bob"))
                .then(new BookLent(DUNE, "bob")));

        assertTrue(failure.getMessage().contains("the command failed"), failure.getMessage());
    }

    @Test
    void thenRefusedReturnsTheRefusalOfACommandThatStoredNothing() {
        BookAlreadyLentException refusal = lending
                .given(DUNE, new BookAdded(DUNE, "Dune"), new BookLent(DUNE, "alice"))
                .when(new LendBook(DUNE, "bob"))
                .thenRefused(BookAlreadyLentException.class);

        assertEquals("book-already-lent", refusal.code());
    }

    @Test
    void thenRefusedWorksWithoutHistory() {
        lending.givenNothing()
                .when(new LendBook(DUNE, "bob"))
                .thenRefused(UnknownBookException.class);
    }

    @Test
    void thenRefusedFailsWhenTheCommandSucceeded() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> lending
                .given(DUNE, new BookAdded(DUNE, "Dune"))
                .when(new LendBook(DUNE, "alice"))
                .thenRefused(BookAlreadyLentException.class));

        assertTrue(failure.getMessage().contains("the command succeeded"), failure.getMessage());
    }

    @Test
    void thenRefusedFailsOnAnotherException() {
        assertThrows(AssertionFailedError.class, () -> lending
                .givenNothing()
                .when(new LendBook(DUNE, "bob"))
                .thenRefused(BookAlreadyLentException.class));
    }

    @Test
    void thenRefusedFailsWhenTheCommandStoredEventsBeforeFailing() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> writing
                .givenNothing()
                .when(new WriteThenTrip(DIARY, "first line"))
                .thenRefused(IllegalStateException.class));

        assertTrue(failure.getMessage().contains("a refused command stores nothing"), failure.getMessage());
    }

    @Test
    void thenCatchesStateChangedOutsideWhen() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> writing
                .givenNothing()
                .when(new Write(DIARY, "first line", true))
                .then(new Written("first line")));

        assertTrue(failure.getMessage().contains("Notebook.pagesUsed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("state must change only in when()"), failure.getMessage());
    }

    @Test
    void thenAcceptsAnAggregateThatChangesStateOnlyInWhen() {
        writing.given(DIARY, new Written("first line"))
                .when(new Write(DIARY, "second line", false))
                .then(new Written("second line"));
    }

    @Test
    void resultIsTheCommandsResult() {
        Object version = lending.given(DUNE, new BookAdded(DUNE, "Dune"))
                .when(new LendBook(DUNE, "alice"))
                .result();

        assertEquals(2L, version);
    }

    @Test
    void resultFailsWhenTheCommandFailed() {
        assertThrows(AssertionFailedError.class, () -> lending.givenNothing().when(new LendBook(DUNE, "alice")).result());
    }

    /** A line was written. */
    record Written(String line) {
    }

    /** Writes a line; {@code careless} also counts the page outside {@code when}, which is a bug. */
    record Write(String notebook, String line, boolean careless) implements Command<Long> {
    }

    /** Writes a line, saves, then fails: a handler that breaks the rule "refused means nothing stored". */
    record WriteThenTrip(String notebook, String line) implements Command<Long> {
    }

    static final class Notebook extends AggregateRoot<String, Written> {
        private int lines;
        private int pagesUsed;

        Notebook(String id) {
            super(id);
        }

        void write(String line, boolean careless) {
            if (careless) {
                pagesUsed++;
            }
            apply(new Written(line));
        }

        @Override
        protected void when(Written event) {
            lines++;
        }
    }

    @ApplicationScoped
    static class Notebooks extends EventSourcedRepository<Notebook, String> {
        Notebooks() {
            super("notebook", Notebook::new);
        }
    }

    @ApplicationScoped
    static class WriteHandler implements CommandHandler<Write, Long> {
        @Inject
        Notebooks notebooks;

        @Override
        public Long execute(Write command) {
            Notebook notebook = notebooks.find(command.notebook()).orElseGet(() -> notebooks.create(command.notebook()));
            notebook.write(command.line(), command.careless());
            return notebooks.save(notebook);
        }
    }

    @ApplicationScoped
    static class WriteThenTripHandler implements CommandHandler<WriteThenTrip, Long> {
        @Inject
        Notebooks notebooks;

        @Override
        public Long execute(WriteThenTrip command) {
            Notebook notebook = notebooks.create(command.notebook());
            notebook.write(command.line(), false);
            notebooks.save(notebook);
            throw new IllegalStateException("tripped after saving");
        }
    }
}
