package io.annals.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    /** Version 2 stores cents; version 1 stored a decimal amount. */
    @EventType(name = "PriceSet", version = 2)
    record PriceSet(long cents) {
    }

    @ApplicationScoped
    static class PriceSetV1ToV2 implements Upcaster {
        @Override
        public String eventType() {
            return "PriceSet";
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public ObjectNode upcast(ObjectNode data) {
            long cents = data.get("amount").decimalValue().movePointRight(2).longValueExact();
            data.remove("amount");
            return data.put("cents", cents);
        }
    }

    private WeldContainer container;
    private EventStore store;
    private EventJson json;

    @BeforeEach
    void boot() {
        container = AnnalsWeld.weld(InMemoryStores.class, PriceSetV1ToV2.class).containerId("json-" + UUID.randomUUID()).initialize();
        store = container.select(EventStore.class).get();
        json = container.select(EventJson.class).get();
        container.select(EventTypeRegistry.class).get().register(PriceSet.class);
    }

    @AfterEach
    void shutDown() {
        container.shutdown();
    }

    private StoredEvent stored(String type, int schemaVersion, String data) {
        NewEvent event = new NewEvent(UUID.randomUUID(), type, schemaVersion, data,
                new EventMetadata("corr", "cause", "alice", null));
        return store.append("price-" + UUID.randomUUID(), ExpectedVersion.ANY, List.of(event)).events().get(0);
    }

    @Test
    void anOlderSchemaIsShownInTheCurrentShape() {
        ObjectNode tree = json.toTree(stored("PriceSet", 1, "{\"amount\":12.34}"));

        assertEquals("{\"cents\":1234}", tree.get("data").toString());
    }

    @Test
    void theCurrentSchemaAndUnknownTypesAreShownAsStoredWithExactDecimals() {
        assertEquals("{\"cents\":5}", json.toTree(stored("PriceSet", 2, "{\"cents\":5}")).get("data").toString());
        ObjectNode unknown = json.toTree(stored("SomethingElse", 1, "{\"amount\":100.50}"));
        assertEquals(new BigDecimal("100.50"), unknown.get("data").get("amount").decimalValue());
        assertEquals("{\"correlationId\":\"corr\",\"causationId\":\"cause\",\"principal\":\"alice\",\"tenant\":null}",
                unknown.get("metadata").toString());
    }

    @Test
    void occurredAtIsUtcWithExactlyThreeFractionDigits() {
        assertEquals("2026-11-21T10:15:30.000Z", occurredAt("2026-11-21T10:15:30Z"));
        assertEquals("2026-11-21T10:15:30.123Z", occurredAt("2026-11-21T10:15:30.123456789Z"));
    }

    private String occurredAt(String instant) {
        StoredEvent event = new StoredEvent(1, "s", 1, UUID.randomUUID(), "SomethingElse", 1, "{}", EventMetadata.EMPTY,
                java.time.Instant.parse(instant));
        return json.toTree(event).get("occurredAt").asText();
    }
}
