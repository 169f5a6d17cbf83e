package io.annals.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event changes shape by a new schema version plus an upcaster: reading applies the chain from
 * the stored version to the current one and never rewrites what is stored.
 */
@EnableWeld
class UpcastingTest {

    private static final String STREAM = "catalogue-1";
    private static final String V1_JSON = "{\"name\":\"Dune\",\"writer\":\"Herbert\"}";
    private static final String V2_JSON = "{\"title\":\"Dune\",\"writer\":\"Herbert\"}";
    private static final String V3_JSON = "{\"title\":\"Dune\",\"author\":\"Herbert\",\"pages\":412}";
    private static final BookCatalogued DUNE_WITHOUT_PAGES = new BookCatalogued("Dune", "Herbert", 0);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(NameBecomesTitle.class, WriterBecomesAuthor.class, InMemoryStores.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    EventSerializer serializer;

    @Inject
    EventTypeRegistry types;

    @Inject
    EventStore store;

    @BeforeEach
    void registerTheEventTypes() {
        types.register(BookCatalogued.class);
        types.register(Orphaned.class);
    }

    @Test
    void aVersionOneEventIsUpcastThroughEveryStepOnRead() {
        StoredEvent stored = append(BookCatalogued.NAME, 1, V1_JSON);

        assertEquals(DUNE_WITHOUT_PAGES, serializer.payloadOf(stored));
    }

    @Test
    void aVersionTwoEventGoesThroughTheRemainingStepOnly() {
        StoredEvent stored = append(BookCatalogued.NAME, 2, V2_JSON);

        assertEquals(DUNE_WITHOUT_PAGES, serializer.payloadOf(stored));
    }

    @Test
    void aCurrentEventIsReadAsItIs() {
        assertEquals(new BookCatalogued("Dune", "Herbert", 412), serializer.payloadOf(append(BookCatalogued.NAME, 3, V3_JSON)));
    }

    @Test
    void upcastingNeverChangesTheStoredJson() {
        StoredEvent stored = append(BookCatalogued.NAME, 1, V1_JSON);

        serializer.payloadOf(stored);
        serializer.envelopeOf(store.readStream(stored.streamId(), 1).get(0));

        StoredEvent reread = store.readStream(stored.streamId(), 1).get(0);
        assertEquals(V1_JSON, reread.data());
        assertEquals(1, reread.schemaVersion());
    }

    @Test
    void anEventNewerThanTheCodeFailsWithUnsupportedSchemaVersion() {
        StoredEvent fromTheFuture = append(BookCatalogued.NAME, 4, V3_JSON);

        UnsupportedSchemaVersionException failure = assertThrows(UnsupportedSchemaVersionException.class,
                () -> serializer.payloadOf(fromTheFuture));

        assertTrue(failure.getMessage().contains("schema version 4, current is 3"), failure.getMessage());
    }

    @Test
    void aMissingUpcasterFailsLoudlyNamingTheVersionItStopsAt() {
        StoredEvent old = append(Orphaned.NAME, 1, "{\"reason\":\"lost\"}");

        UnsupportedSchemaVersionException failure = assertThrows(UnsupportedSchemaVersionException.class,
                () -> serializer.payloadOf(old));

        assertTrue(failure.getMessage().contains("'" + Orphaned.NAME + "'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("no upcaster from version 1"), failure.getMessage());
    }

    @Test
    void anUpcasterCanBeAddedByHand() {
        serializer.addUpcaster(new OrphanedFound());

        assertEquals(new Orphaned("lost", "found"), serializer.payloadOf(append(Orphaned.NAME, 1, "{\"reason\":\"lost\"}")));
    }

    @Test
    void twoUpcastersForOneTypeAndVersionAreRefusedNamingBoth() {
        IllegalStateException clash = assertThrows(IllegalStateException.class, () -> serializer.addUpcaster(new AnotherNameBecomesTitle()));

        assertTrue(clash.getMessage().contains(NameBecomesTitle.class.getName()), clash.getMessage());
        assertTrue(clash.getMessage().contains(AnotherNameBecomesTitle.class.getName()), clash.getMessage());
    }

    private StoredEvent append(String type, int schemaVersion, String json) {
        NewEvent event = new NewEvent(UUID.randomUUID(), type, schemaVersion, json, EventMetadata.EMPTY);
        return store.append(STREAM + "-" + UUID.randomUUID(), ExpectedVersion.NO_STREAM, List.of(event)).events().get(0);
    }

    /** Version 3: v1 had {@code name} and {@code writer}, v2 renamed {@code name}, v3 renamed {@code writer} and added pages. */
    @EventType(name = BookCatalogued.NAME, version = 3)
    record BookCatalogued(String title, String author, int pages) {
        static final String NAME = "BookCatalogued";
    }

    /** Version 2 with no upcaster from version 1 deployed. */
    @EventType(name = Orphaned.NAME, version = 2)
    record Orphaned(String reason, String status) {
        static final String NAME = "Orphaned";
    }

    @ApplicationScoped
    static class NameBecomesTitle implements Upcaster {
        @Override
        public String eventType() {
            return BookCatalogued.NAME;
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public ObjectNode upcast(ObjectNode data) {
            data.set("title", data.remove("name"));
            return data;
        }
    }

    @ApplicationScoped
    static class WriterBecomesAuthor implements Upcaster {
        @Override
        public String eventType() {
            return BookCatalogued.NAME;
        }

        @Override
        public int fromVersion() {
            return 2;
        }

        @Override
        public ObjectNode upcast(ObjectNode data) {
            data.set("author", data.remove("writer"));
            data.put("pages", 0);
            return data;
        }
    }

    static class AnotherNameBecomesTitle extends NameBecomesTitle {
    }

    static class OrphanedFound implements Upcaster {
        @Override
        public String eventType() {
            return Orphaned.NAME;
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public ObjectNode upcast(ObjectNode data) {
            return data.put("status", "found");
        }
    }
}
