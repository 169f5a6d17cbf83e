package io.annals.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.command.CommandBus;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookId;
import io.annals.core.lending.Books;
import io.annals.core.lending.Lending;
import io.annals.core.store.EventStore;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.Eventually;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** With their loops on (the default), processors follow the log by themselves, without awaitIdle. */
@EnableWeld
class ProcessorLoopTest {

    private static final BookId DUNE = BookId.random();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(
                    ProjectionTest.RecentlyAdded.class, SagaTest.Curator.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    ProjectionTest.RecentlyAdded recent;

    @Inject
    ProcessorRuntime processors;

    @Inject
    EventStore store;

    @Inject
    Books books;

    @Test
    void projectionsAndSagasCatchUpOnTheirOwn() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));

        Eventually.until("the projection saw the book", () -> recent.titles().contains("Dune"));
        Eventually.until("the saga lent and returned the book", () -> store.streamVersion(books.streamId(DUNE)) == 3);
        Eventually.until("every processor reached the head", () -> processors.statuses().stream().allMatch(s -> s.lag() == 0));
        assertEquals(ProcessorState.RUNNING, processors.processor("Curator").orElseThrow().status().state());
    }
}
