package io.annals.core.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.Command;
import io.annals.core.command.CommandHandler;
import io.annals.core.event.EventEnvelope;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookEvent;
import io.annals.core.lending.BookLent;
import io.annals.core.lending.LendBook;
import io.annals.core.processor.EventHandler;
import io.annals.core.processor.Projection;
import io.annals.core.processor.Saga;
import io.annals.core.query.Query;
import io.annals.core.query.QueryHandler;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Handler discovery refuses, at deployment, what would otherwise fail on the first dispatch: the
 * {@link DeploymentException} names every class involved.
 */
class DeploymentValidationTest {

    @Test
    void twoHandlersForOneCommandTypeFailTheDeploymentNamingBoth() {
        String message = deploymentProblem(FirstShelveHandler.class, SecondShelveHandler.class);

        assertMentions(message, Shelve.class, FirstShelveHandler.class, SecondShelveHandler.class);
    }

    @Test
    void twoHandlersForOneQueryTypeFailTheDeploymentNamingBoth() {
        String message = deploymentProblem(FirstCountHandler.class, SecondCountHandler.class);

        assertMentions(message, CountShelves.class, FirstCountHandler.class, SecondCountHandler.class);
    }

    @Test
    void aHandlerImplementingRawCommandHandlerFailsTheDeployment() {
        assertMentions(deploymentProblem(RawCommandHandler.class), RawCommandHandler.class);
    }

    @Test
    void aHandlerImplementingRawQueryHandlerFailsTheDeployment() {
        assertMentions(deploymentProblem(RawQueryHandler.class), RawQueryHandler.class);
    }

    @Test
    void aHandlerDeclaringTheCommandInterfaceItselfFailsTheDeployment() {
        assertMentions(deploymentProblem(AnyCommandHandler.class), AnyCommandHandler.class);
    }

    @Test
    void aHandlerDeclaringTheQueryInterfaceItselfFailsTheDeployment() {
        assertMentions(deploymentProblem(AnyQueryHandler.class), AnyQueryHandler.class);
    }

    @Test
    void aHandlerForAnAbstractCommandFailsTheDeployment() {
        assertMentions(deploymentProblem(AbstractCommandHandler.class), AbstractCommandHandler.class, Paperwork.class);
    }

    @Test
    void aSagaTakingTwoEventsFailsTheDeployment() {
        assertMentions(deploymentProblem(SagaTakingTwoEvents.class), SagaTakingTwoEvents.class);
    }

    @Test
    void aSagaTakingNothingFailsTheDeployment() {
        assertMentions(deploymentProblem(SagaTakingNothing.class), SagaTakingNothing.class);
    }

    @Test
    void aSagaTakingAnInterfaceFailsTheDeployment() {
        assertMentions(deploymentProblem(SagaTakingAnInterface.class), SagaTakingAnInterface.class, BookEvent.class);
    }

    @Test
    void aSagaReturningSomethingOtherThanCommandsFailsTheDeployment() {
        assertMentions(deploymentProblem(SagaReturningText.class), SagaReturningText.class, String.class);
    }

    @Test
    void aSagaReturningACollectionOfNonCommandsFailsTheDeployment() {
        assertMentions(deploymentProblem(SagaReturningTexts.class), SagaReturningTexts.class);
    }

    @Test
    void anEventHandlerOutsideAProjectionFailsTheDeployment() {
        assertMentions(deploymentProblem(EventHandlerWithoutProjection.class), EventHandlerWithoutProjection.class);
    }

    @Test
    void anEventHandlerTakingTwoEventsFailsTheDeployment() {
        assertMentions(deploymentProblem(ProjectionTakingTwoEvents.class), ProjectionTakingTwoEvents.class);
    }

    @Test
    void twoProjectionsWithOneNameFailTheDeploymentNamingBoth() {
        String message = deploymentProblem(FirstShelfProjection.class, SecondShelfProjection.class);

        assertMentions(message, FirstShelfProjection.class, SecondShelfProjection.class);
        assertTrue(message.contains("'shelf'"), message);
    }

    @Test
    void aProjectionWithABlankNameFailsTheDeployment() {
        assertMentions(deploymentProblem(NamelessProjection.class), NamelessProjection.class);
    }

    @Test
    void aSagaNamedLikeAProjectionFailsTheDeploymentBecauseTheyWouldShareACheckpoint() {
        String message = deploymentProblem(Shelf.class, ShelfNamedProjection.class);

        assertMentions(message, Shelf.class, ShelfNamedProjection.class);
    }

    @Test
    void aProjectionWithSagaStepsNamedLikeItsClassFailsTheDeployment() {
        assertMentions(deploymentProblem(Hybrid.class), Hybrid.class);
    }

    @Test
    void twoSagasWithOneSimpleNameFailTheDeploymentNamingBoth() {
        String message = deploymentProblem(Branch.Reminders.class, Headquarters.Reminders.class);

        assertMentions(message, Branch.Reminders.class, Headquarters.Reminders.class);
    }

    @Test
    void twoDiscoveredEventClassesWithOneTypeNameFailTheDeploymentNamingBoth() {
        String message = deploymentProblem(BranchArchiveSaga.class, HeadquartersArchiveSaga.class);

        assertMentions(message, Branch.Archived.class, Headquarters.Archived.class);
    }

    @Test
    void aWellFormedDeploymentRegistersItsHandlersSagasProjectionsAndEventTypes() {
        try (WeldContainer container = AnnalsWeld.weld(FirstShelveHandler.class, FirstCountHandler.class,
                WellFormedSaga.class, FirstShelfProjection.class, InMemoryStores.class).initialize()) {
            AnnalsExtension extension = container.select(AnnalsExtension.class).get();

            assertEquals(FirstShelveHandler.class, extension.commandHandlers().get(Shelve.class).handlerClass());
            assertEquals(String.class, extension.commandHandlers().get(Shelve.class).resultType());
            assertEquals(FirstCountHandler.class, extension.queryHandlers().get(CountShelves.class).handlerClass());
            SagaDefinition saga = extension.sagas().get(0);
            assertEquals("WellFormedSaga", saga.name());
            assertEquals(List.of(BookAdded.class, BookLent.class), saga.steps().stream()
                    .map(HandlerMethod::eventType).sorted((a, b) -> a.getName().compareTo(b.getName())).toList());
            ProjectionDefinition shelf = extension.projections().iterator().next();
            assertEquals("shelf", shelf.name());
            assertTrue(extension.eventTypes().containsAll(List.of(BookAdded.class, BookLent.class)));
        }
    }

    /** Boots a container with these beans, expects the deployment to fail, and returns its message. */
    private static String deploymentProblem(Class<?>... beans) {
        DeploymentException failure = assertThrows(DeploymentException.class, () -> {
            try (WeldContainer unexpected = AnnalsWeld.weld(beans).addBeanClasses(InMemoryStores.class).initialize()) {
                unexpected.isRunning();
            }
        });
        return fullMessage(failure);
    }

    private static String fullMessage(Throwable failure) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            message.append(t.getMessage()).append('\n');
        }
        return message.toString();
    }

    private static void assertMentions(String message, Class<?>... classes) {
        Stream.of(classes).forEach(type -> assertTrue(message.contains(type.getName()),
                () -> "the deployment error should name " + type.getName() + ":\n" + message));
    }

    record Shelve(String title) implements Command<String> {
    }

    record CountShelves() implements Query<Integer> {
    }

    abstract static class Paperwork implements Command<String> {
    }

    @ApplicationScoped
    static class FirstShelveHandler implements CommandHandler<Shelve, String> {
        @Override
        public String execute(Shelve command) {
            return "first";
        }
    }

    @ApplicationScoped
    static class SecondShelveHandler implements CommandHandler<Shelve, String> {
        @Override
        public String execute(Shelve command) {
            return "second";
        }
    }

    @ApplicationScoped
    static class FirstCountHandler implements QueryHandler<CountShelves, Integer> {
        @Override
        public Integer execute(CountShelves query) {
            return 1;
        }
    }

    @ApplicationScoped
    static class SecondCountHandler implements QueryHandler<CountShelves, Integer> {
        @Override
        public Integer execute(CountShelves query) {
            return 2;
        }
    }

    @SuppressWarnings("rawtypes")
    @ApplicationScoped
    static class RawCommandHandler implements CommandHandler {
        @Override
        public Object execute(Command command) {
            return null;
        }
    }

    @SuppressWarnings("rawtypes")
    @ApplicationScoped
    static class RawQueryHandler implements QueryHandler {
        @Override
        public Object execute(Query query) {
            return null;
        }
    }

    @ApplicationScoped
    static class AnyCommandHandler implements CommandHandler<Command<String>, String> {
        @Override
        public String execute(Command<String> command) {
            return "any";
        }
    }

    @ApplicationScoped
    static class AnyQueryHandler implements QueryHandler<Query<String>, String> {
        @Override
        public String execute(Query<String> query) {
            return "any";
        }
    }

    @ApplicationScoped
    static class AbstractCommandHandler implements CommandHandler<Paperwork, String> {
        @Override
        public String execute(Paperwork command) {
            return "filed";
        }
    }

    @ApplicationScoped
    static class SagaTakingTwoEvents {
        @Saga
        void on(BookAdded added, BookLent lent) {
        }
    }

    @ApplicationScoped
    static class SagaTakingNothing {
        @Saga
        void on() {
        }
    }

    @ApplicationScoped
    static class SagaTakingAnInterface {
        @Saga
        void on(BookEvent event) {
        }
    }

    @ApplicationScoped
    static class SagaReturningText {
        @Saga
        String on(BookAdded added) {
            return added.title();
        }
    }

    @ApplicationScoped
    static class SagaReturningTexts {
        @Saga
        List<String> on(BookAdded added) {
            return List.of(added.title());
        }
    }

    @ApplicationScoped
    static class WellFormedSaga {
        @Saga
        LendBook on(BookAdded added) {
            return new LendBook(added.book(), "curator");
        }

        @Saga
        List<Command<?>> on(BookLent lent, EventEnvelope<BookLent> envelope) {
            return List.of();
        }
    }

    @ApplicationScoped
    static class EventHandlerWithoutProjection {
        @EventHandler
        void on(BookAdded added) {
        }
    }

    @Projection("two-events")
    @ApplicationScoped
    static class ProjectionTakingTwoEvents {
        @EventHandler
        void on(BookAdded added, BookLent lent) {
        }
    }

    @Projection("shelf")
    @ApplicationScoped
    static class FirstShelfProjection {
        @EventHandler
        void on(BookAdded added) {
        }
    }

    @Projection("shelf")
    @ApplicationScoped
    static class SecondShelfProjection {
        @EventHandler
        void on(BookAdded added) {
        }
    }

    @Projection(" ")
    @ApplicationScoped
    static class NamelessProjection {
        @EventHandler
        void on(BookAdded added) {
        }
    }

    /** A saga whose processor would be named "Shelf". */
    @ApplicationScoped
    static class Shelf {
        @Saga
        void on(BookAdded added) {
        }
    }

    @Projection("Shelf")
    @ApplicationScoped
    static class ShelfNamedProjection {
        @EventHandler
        void on(BookAdded added) {
        }
    }

    /** A projection named "Hybrid" whose saga steps would run as a processor named "Hybrid" too. */
    @Projection("Hybrid")
    @ApplicationScoped
    static class Hybrid {
        @EventHandler
        void on(BookAdded added) {
        }

        @Saga
        void react(BookLent lent) {
        }
    }

    static class Branch {
        record Archived(String reason) {
        }

        @ApplicationScoped
        static class Reminders {
            @Saga
            void on(BookAdded added) {
            }
        }
    }

    static class Headquarters {
        record Archived(String reason) {
        }

        @ApplicationScoped
        static class Reminders {
            @Saga
            void on(BookLent lent) {
            }
        }
    }

    @ApplicationScoped
    static class BranchArchiveSaga {
        @Saga
        void on(Branch.Archived archived) {
        }
    }

    @ApplicationScoped
    static class HeadquartersArchiveSaga {
        @Saga
        void on(Headquarters.Archived archived) {
        }
    }
}
