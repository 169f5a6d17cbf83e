package io.annals.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookId;
import io.annals.core.lending.Books;
import io.annals.core.lending.LendBook;
import io.annals.core.lending.Lending;
import io.annals.core.store.EventStore;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.interceptor.Interceptor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Where stored events get their ids: time-ordered UUIDs by default, or the application's own provider. */
class EventIdsTest {

    private static final BookId DUNE = BookId.random();

    @Test
    void theDefaultIdsAreVersionSevenUuidsStampedWithTheirMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = new TimeOrderedEventIds().nextEventId();
        long after = System.currentTimeMillis();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long stamped = id.getMostSignificantBits() >>> 16;
        assertTrue(stamped >= before && stamped <= after, stamped + " outside " + before + ".." + after);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnes() {
        long now = System.currentTimeMillis();
        List<UUID> ids = List.of(TimeOrderedEventIds.at(now), TimeOrderedEventIds.at(now + 1),
                TimeOrderedEventIds.at(now + 1_000), TimeOrderedEventIds.at(now + 86_400_000L));

        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(ids.stream().map(UUID::toString).sorted().toList(), ids.stream().map(UUID::toString).toList(),
                "text order, as a database compares them, agrees");
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        long now = System.currentTimeMillis();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedEventIds.at(now));
        }

        assertEquals(100_000, ids.size());
    }

    @Test
    void theRepositoryStoresEventsUnderTheDefaultProvidersIds() {
        try (WeldContainer container = start()) {
            List<StoredEvent> stored = addAndLend(container);

            assertEquals(2, stored.size());
            stored.forEach(event -> assertEquals(7, event.eventId().version(), event.toString()));
        }
    }

    @Test
    void anAlternativeProviderReplacesTheDefault() {
        try (WeldContainer container = start(SequentialEventIds.class)) {
            List<StoredEvent> stored = addAndLend(container);

            assertEquals(List.of(new UUID(0xA11A15, 1), new UUID(0xA11A15, 2)), stored.stream().map(StoredEvent::eventId).toList());
        }
    }

    private static WeldContainer start(Class<?>... beans) {
        return AnnalsWeld.weld(Lending.beansWith(beans)).containerId("event-ids-" + UUID.randomUUID()).initialize();
    }

    private static List<StoredEvent> addAndLend(SeContainer container) {
        CommandBus commands = container.select(CommandBus.class).get();
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        commands.executeBlocking(new LendBook(DUNE, "alice"));
        String stream = container.select(Books.class).get().streamId(DUNE);
        return container.select(EventStore.class).get().readStream(stream, 1);
    }

    /** An application's own ids: a fixed prefix and a counter. */
    @Alternative
    @Priority(Interceptor.Priority.APPLICATION)
    @ApplicationScoped
    static class SequentialEventIds implements EventIdProvider {
        private final AtomicLong next = new AtomicLong();

        @Override
        public UUID nextEventId() {
            return new UUID(0xA11A15, next.incrementAndGet());
        }
    }
}
