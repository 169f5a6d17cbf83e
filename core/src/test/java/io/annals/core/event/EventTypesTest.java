package io.annals.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookId;
import io.annals.core.lending.BookReturned;
import io.annals.core.lending.Lending;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Logical event type names, both ways, and the JSON shape events are stored in. */
@EnableWeld
class EventTypesTest {

    private static final BookId DUNE = BookId.random();
    private static final Instant NOON = Instant.parse("2026-11-21T12:00:00.123Z");

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith()))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    EventTypeRegistry types;

    @Inject
    EventSerializer serializer;

    @Test
    void anEventIsStoredUnderItsSimpleClassNameAtSchemaVersionOne() {
        NewEvent event = serializer.toNewEvent(new BookAdded(DUNE, "Dune"), EventMetadata.EMPTY);

        assertEquals("BookAdded", event.type());
        assertEquals(1, event.schemaVersion());
    }

    @Test
    void anEventTypeAnnotationSetsTheLogicalNameAndSchemaVersion() {
        NewEvent event = serializer.toNewEvent(new Catalogued("Dune"), EventMetadata.EMPTY);

        assertEquals("catalogue.entry", event.type());
        assertEquals(3, event.schemaVersion());
        assertEquals(Catalogued.class, types.byName("catalogue.entry").javaType());
    }

    @Test
    void anAggregatesSealedEventTypesAreKnownBeforeAnyIsWritten() {
        assertTrue(types.isKnown("BookReturned"));
        assertEquals(BookReturned.class, types.byName("BookReturned").javaType());
    }

    @Test
    void twoClassesCannotShareALogicalName() {
        types.register(Branch.Renamed.class);

        IllegalStateException clash = assertThrows(IllegalStateException.class, () -> types.register(Headquarters.Renamed.class));

        assertTrue(clash.getMessage().contains(Branch.Renamed.class.getName()), clash.getMessage());
        assertTrue(clash.getMessage().contains(Headquarters.Renamed.class.getName()), clash.getMessage());
        assertEquals(Branch.Renamed.class, types.byName("Renamed").javaType());
    }

    @Test
    void anAnnotatedNameClashesWithAClassOfThatSimpleName() {
        types.register(Branch.Renamed.class);

        assertThrows(IllegalStateException.class, () -> types.register(Relabelled.class));
    }

    @Test
    void aSchemaVersionBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> types.register(VersionZero.class));
    }

    @Test
    void readingAnUnknownTypeNameFailsWithUnknownEventTypeException() {
        UnknownEventTypeException unknown = assertThrows(UnknownEventTypeException.class,
                () -> serializer.payloadOf(stored("BookBurned", 1, "{}")));

        assertTrue(unknown.getMessage().contains("'BookBurned'"), unknown.getMessage());
    }

    @Test
    void aStoredJavaClassNameIsNeverUsedToLoadAClass() {
        assertThrows(UnknownEventTypeException.class,
                () -> serializer.payloadOf(stored(BookAdded.class.getName(), 1, "{\"title\":\"Dune\"}")));
    }

    @Test
    void aPayloadThatDoesNotMatchItsClassFailsNamingTheEvent() {
        StoredEvent garbled = stored("BookAdded", 1, "{\"book\":{\"value\":\"not a uuid\"}}");

        EventDecodingException failure = assertThrows(EventDecodingException.class, () -> serializer.payloadOf(garbled));

        assertTrue(failure.getMessage().contains(garbled.eventId().toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("BookAdded"), failure.getMessage());
    }

    @Test
    void storedJsonKeepsDecimalsExactAndPlainAndTimesAsIsoStrings() {
        Fined fined = new Fined(new BigDecimal("100.50"), new BigDecimal("1E+3"), NOON);

        String json = serializer.toNewEvent(fined, EventMetadata.EMPTY).data();

        assertEquals("{\"amount\":100.50,\"cap\":1000,\"at\":\"2026-11-21T12:00:00.123Z\"}", json);
        Fined read = (Fined) serializer.payloadOf(stored("Fined", 1, json));
        assertEquals(new BigDecimal("100.50"), read.amount());
        assertEquals(NOON, read.at());
    }

    @Test
    void unknownPropertiesAreToleratedOnRead() {
        assertEquals(new BookAdded(DUNE, "Dune"), serializer.payloadOf(stored("BookAdded", 1,
                "{\"book\":{\"value\":\"" + DUNE + "\"},\"title\":\"Dune\",\"shelf\":\"A3\"}")));
    }

    @Test
    void anOutcomeOfAGenericTypeReadsBackIntoThatType() throws Exception {
        List<BookId> books = List.of(DUNE, BookId.random());

        Object read = serializer.read(serializer.write(books), Outcomes.class.getDeclaredField("books").getGenericType());

        assertEquals(books, read);
    }

    private static StoredEvent stored(String type, int schemaVersion, String json) {
        return new StoredEvent(1, "book-" + DUNE, 1, UUID.randomUUID(), type, schemaVersion, json, EventMetadata.EMPTY, NOON);
    }

    @EventType(name = "catalogue.entry", version = 3)
    record Catalogued(String title) {
    }

    /** Named like {@link Branch.Renamed}'s simple name. */
    @EventType(name = "Renamed")
    record Relabelled(String to) {
    }

    @EventType(version = 0)
    record VersionZero() {
    }

    record Fined(BigDecimal amount, BigDecimal cap, Instant at) {
    }

    static class Branch {
        record Renamed(String to) {
        }
    }

    static class Headquarters {
        record Renamed(String to) {
        }
    }

    /** Declares the generic types outcomes are read as. */
    static class Outcomes {
        List<BookId> books;
    }
}
