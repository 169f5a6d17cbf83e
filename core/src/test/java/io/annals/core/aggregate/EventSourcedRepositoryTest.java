package io.annals.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.event.EventSerializer;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.Book;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookId;
import io.annals.core.lending.BookLent;
import io.annals.core.lending.Books;
import io.annals.core.lending.LendBook;
import io.annals.core.lending.Lending;
import io.annals.core.lending.UnknownBookException;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.StoredEvent;
import io.annals.core.store.StreamVersionConflictException;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Loading and saving aggregates by stream, with the loaded version as the expected version. */
@EnableWeld
class EventSourcedRepositoryTest {

    private static final BookId DUNE = BookId.random();
    private static final String TALLY = "tally-of-visitors";
    private static final AsyncContext DANS_FLOW = AsyncContext.withCorrelation("flow-dan").withCausation("message-3")
            .withPrincipal("dan").withTenant("south");

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(TallyHandlers.BEANS)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    Books books;

    @Inject
    Tallies tallies;

    @Inject
    CommandBus commands;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    @Test
    void anAggregateLivesInTheStreamNamedAfterItsCategoryAndId() {
        assertEquals("book-" + DUNE, books.streamId(DUNE));
    }

    @Test
    void createGivesANewAggregateAtVersionZero() {
        Book book = books.create(DUNE);

        assertEquals(DUNE, book.id());
        assertEquals(0, book.version());
        assertTrue(books.find(DUNE).isEmpty(), "nothing is stored before a save");
    }

    @Test
    void saveAppendsTheUncommittedEventsAndMovesTheAggregateToTheStoredVersion() {
        Book book = books.create(DUNE);
        book.add("Dune");
        book.lendTo("alice");

        assertEquals(2, books.save(book));

        assertEquals(2, book.version());
        assertEquals(List.of(), book.uncommittedEvents());
        assertEquals(List.of(new BookAdded(DUNE, "Dune"), new BookLent(DUNE, "alice")), payloadsOf(books.streamId(DUNE)));
        assertEquals(List.of(1L, 2L), store.readStream(books.streamId(DUNE), 1).stream().map(StoredEvent::version).toList());
    }

    @Test
    void savingNothingStoresNothing() {
        Book book = books.create(DUNE);
        book.add("Dune");
        books.save(book);
        long head = store.headPosition();

        assertEquals(1, books.save(book));

        assertEquals(head, store.headPosition());
    }

    @Test
    void loadRebuildsStateAndVersionFromTheStream() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        commands.executeBlocking(new LendBook(DUNE, "alice"));

        Book book = books.load(DUNE);

        assertEquals("Dune", book.title());
        assertEquals("alice", book.borrower());
        assertEquals(2, book.version());
        assertEquals(List.of(), book.uncommittedEvents());
    }

    @Test
    void findOfAMissingAggregateIsEmpty() {
        assertTrue(books.find(DUNE).isEmpty());
    }

    @Test
    void loadOfAMissingAggregateThrowsTheRepositorysNotFoundException() {
        UnknownBookException unknown = assertThrows(UnknownBookException.class, () -> books.load(DUNE));

        assertEquals(books.streamId(DUNE), unknown.streamId());
    }

    @Test
    void withoutAnOverrideNotFoundIsAggregateNotFoundException() {
        AggregateNotFoundException unknown = assertThrows(AggregateNotFoundException.class, () -> tallies.load(TALLY));

        assertEquals(AggregateNotFoundException.class, unknown.getClass());
        assertEquals(tallies.streamId(TALLY), unknown.streamId());
        assertTrue(unknown.getMessage().contains(tallies.streamId(TALLY)), unknown.getMessage());
    }

    @Test
    void commitSavesThroughTheRepositoryThatCreatedTheAggregate() {
        Book book = books.create(DUNE);
        book.add("Dune");

        book.commit();

        assertEquals(1, book.version());
        assertEquals("Dune", books.load(DUNE).title());
    }

    @Test
    void commitSavesThroughTheRepositoryThatLoadedTheAggregate() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        Book book = books.load(DUNE);
        book.lendTo("alice");

        book.commit();

        assertEquals("alice", books.load(DUNE).borrower());
    }

    @Test
    void withAutoCommitEveryApplySavesAtOnce() {
        Tally tally = tallies.create(TALLY);
        tally.saveEveryEvent();

        tally.count(1);
        assertEquals(1, store.streamVersion(tallies.streamId(TALLY)));
        tally.count(2);

        assertEquals(2, store.streamVersion(tallies.streamId(TALLY)));
        assertEquals(2, tally.version());
        assertEquals(List.of(), tally.uncommittedEvents());
    }

    @Test
    void savingAnAggregateThatAnotherWriterChangedSinceItWasLoadedFailsAndStoresNothing() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        Book mine = books.load(DUNE);
        Book theirs = books.load(DUNE);
        theirs.lendTo("bob");
        books.save(theirs);
        long head = store.headPosition();

        mine.lendTo("alice");
        StreamVersionConflictException conflict = assertThrows(StreamVersionConflictException.class, () -> books.save(mine));

        assertEquals(1, conflict.expected().value());
        assertEquals(2, conflict.actual());
        assertEquals(head, store.headPosition());
        assertEquals("bob", books.load(DUNE).borrower());
    }

    @Test
    void storedEventsCarryTheDispatchsCorrelationCausationPrincipalAndTenant() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"), DANS_FLOW);

        assertEquals(new EventMetadata("flow-dan", "message-3", "dan", "south"),
                store.readStream(books.streamId(DUNE), 1).get(0).metadata());
    }

    @Test
    void eventsSavedWithoutAnyContextGetOneFreshCorrelationId() {
        Book book = books.create(DUNE);
        book.add("Dune");
        book.lendTo("alice");
        books.save(book);

        List<EventMetadata> metadata = store.readStream(books.streamId(DUNE), 1).stream().map(StoredEvent::metadata).toList();
        assertNotNull(metadata.get(0).correlationId());
        assertEquals(metadata.get(0), metadata.get(1));
        assertEquals(new EventMetadata(metadata.get(0).correlationId(), null, null, null), metadata.get(0));
    }

    @Test
    void aRepositoryRefusesABlankCategoryAndANegativeSnapshotInterval() {
        Function<String, Tally> factory = Tally::new;

        assertThrows(IllegalArgumentException.class, () -> new EventSourcedRepository<Tally, String>(" ", factory) { });
        assertThrows(IllegalArgumentException.class, () -> new EventSourcedRepository<Tally, String>("tally", factory, -1) { });
        assertInstanceOf(NullPointerException.class, assertThrows(RuntimeException.class,
                () -> new EventSourcedRepository<Tally, String>("tally", null) { }));
    }

    private List<Object> payloadsOf(String streamId) {
        return store.readStream(streamId, 1).stream().map(serializer::payloadOf).toList();
    }
}
