package io.annals.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.Command;
import io.annals.core.command.CommandBus;
import io.annals.core.command.CommandHandler;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookId;
import io.annals.core.lending.Books;
import io.annals.core.lending.Lending;
import io.annals.core.query.Query;
import io.annals.core.query.QueryBus;
import io.annals.core.query.QueryHandler;
import io.annals.core.store.EventStore;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Commands and queries are validated before their handler runs; a broken one lists every violation. */
@EnableWeld
class MessageValidationTest {

    private static final Reservation VALID = new Reservation("Ada", 2, new Contact("ada@example.org"));
    private static final Reservation BROKEN = new Reservation(" ", 0, new Contact(""));
    private static final List<Violation> BROKEN_VIOLATIONS = List.of(
            new Violation("contact.email", "must not be blank"),
            new Violation("guest", "must not be blank"),
            new Violation("seats", "must be greater than or equal to 1"));
    private static final long NEVER_SECONDS = 10;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(
                    Invocations.class, ReserveHandler.class, FindTablesHandler.class, UnconstrainedHandler.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    Invocations invocations;

    @Inject
    EventStore store;

    @Inject
    Books books;

    @Test
    void aValidCommandReachesItsHandler() {
        assertEquals("reserved for Ada", commands.executeBlocking(VALID));

        assertEquals(1, invocations.count());
    }

    @Test
    void aBrokenCommandFailsListingEveryFieldAndMessageWithoutCallingTheHandler() {
        MessageValidationException invalid = assertThrows(MessageValidationException.class, () -> commands.executeBlocking(BROKEN));

        assertEquals(Reservation.class, invalid.messageType());
        assertEquals(BROKEN_VIOLATIONS, invalid.violations());
        BROKEN_VIOLATIONS.forEach(v -> assertTrue(invalid.getMessage().contains(v.field() + " " + v.message()), invalid.getMessage()));
        assertEquals(0, invocations.count());
    }

    @Test
    void aBrokenCommandDispatchedAsynchronouslyCompletesExceptionallyWithoutCallingTheHandler() {
        CompletableFuture<String> future = commands.execute(BROKEN).toCompletableFuture();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(NEVER_SECONDS, TimeUnit.SECONDS));
        assertEquals(BROKEN_VIOLATIONS, assertInstanceOf(MessageValidationException.class, failed.getCause()).violations());
        assertEquals(0, invocations.count());
    }

    @Test
    void aBrokenDomainCommandStoresNothing() {
        BookId book = BookId.random();

        MessageValidationException invalid = assertThrows(MessageValidationException.class,
                () -> commands.executeBlocking(new AddBook(book, "x".repeat(65))));

        assertEquals(List.of("title"), invalid.violations().stream().map(Violation::field).toList());
        assertEquals(0, store.headPosition());
        assertTrue(books.find(book).isEmpty());
    }

    @Test
    void aValidQueryReachesItsHandler() {
        assertEquals(List.of("table 1", "table 2"), queries.executeBlocking(new FindTables(2)));

        assertEquals(1, invocations.count());
    }

    @Test
    void aBrokenQueryFailsListingItsViolationsWithoutCallingTheHandler() {
        MessageValidationException invalid = assertThrows(MessageValidationException.class,
                () -> queries.executeBlocking(new FindTables(0)));

        assertEquals(List.of(new Violation("limit", "must be greater than or equal to 1")), invalid.violations());
        assertEquals(0, invocations.count());
    }

    @Test
    void aBrokenQueryDispatchedAsynchronouslyCompletesExceptionally() {
        CompletableFuture<List<String>> future = queries.execute(new FindTables(1001)).toCompletableFuture();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(NEVER_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of(new Violation("limit", "must be less than or equal to 1000")),
                assertInstanceOf(MessageValidationException.class, failed.getCause()).violations());
        assertEquals(0, invocations.count());
    }

    @Test
    void aMessageWithoutConstraintsIsPassedThrough() {
        assertEquals("done", commands.executeBlocking(new Unconstrained(null)));

        assertEquals(1, invocations.count());
    }

    /** Books a table; every field carries a constraint a user can break. */
    record Reservation(@NotBlank @Size(max = 64) String guest, @Min(1) @Max(12) int seats,
                       @NotNull @Valid Contact contact) implements Command<String> {
    }

    record Contact(@NotBlank String email) {
    }

    record FindTables(@Min(1) @Max(1000) int limit) implements Query<List<String>> {
    }

    record Unconstrained(String note) implements Command<String> {
    }

    /** Counts handler invocations. */
    @ApplicationScoped
    static class Invocations {
        private final AtomicInteger count = new AtomicInteger();

        void record() {
            count.incrementAndGet();
        }

        int count() {
            return count.get();
        }
    }

    @ApplicationScoped
    static class ReserveHandler implements CommandHandler<Reservation, String> {
        @Inject
        Invocations invocations;

        @Override
        public String execute(Reservation command) {
            invocations.record();
            return "reserved for " + command.guest();
        }
    }

    @ApplicationScoped
    static class FindTablesHandler implements QueryHandler<FindTables, List<String>> {
        @Inject
        Invocations invocations;

        @Override
        public List<String> execute(FindTables query) {
            invocations.record();
            return IntStream.rangeClosed(1, query.limit()).mapToObj(i -> "table " + i).toList();
        }
    }

    @ApplicationScoped
    static class UnconstrainedHandler implements CommandHandler<Unconstrained, String> {
        @Inject
        Invocations invocations;

        @Override
        public String execute(Unconstrained command) {
            invocations.record();
            return "done";
        }
    }
}
