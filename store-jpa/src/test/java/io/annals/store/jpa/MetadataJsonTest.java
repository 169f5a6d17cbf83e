package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.event.EventDecodingException;
import io.annals.core.store.EventMetadata;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The metadata column: written compactly, read back field by field, runs of equal metadata read once. */
class MetadataJsonTest {

    private static final EventMetadata ALICE = new EventMetadata("corr-1", "cause-1", "alice", "acme");
    private static final EventMetadata BOB = new EventMetadata("corr-2", null, "bob", null);

    @Test
    void whatIsWrittenIsReadBack() {
        UUID id = UUID.randomUUID();
        assertEquals(ALICE, MetadataJson.read(id, MetadataJson.write(id, ALICE)));
        assertEquals(EventMetadata.EMPTY, MetadataJson.read(id, MetadataJson.write(id, EventMetadata.EMPTY)));
    }

    @Test
    void theColumnIsAnObjectWithTheEventIdFirstAndAbsentFieldsLeftOut() {
        UUID id = UUID.fromString("0190f1d2-0000-7000-8000-000000000001");
        assertEquals("{\"eventId\":\"" + id + "\",\"correlationId\":\"c-1\",\"principal\":\"al \\\"ice\\\"\"}",
                MetadataJson.write(id, new EventMetadata("c-1", null, "al \"ice\"", null)));
        assertEquals("{\"eventId\":\"" + id + "\"}", MetadataJson.write(id, EventMetadata.EMPTY));
    }

    @Test
    void consecutiveRowsGetTheirOwnMetadataWhetherOrNotItRepeats() {
        MetadataJson.Reader reader = new MetadataJson.Reader();
        for (EventMetadata expected : new EventMetadata[] {ALICE, ALICE, BOB, BOB, ALICE}) {
            UUID id = UUID.randomUUID();
            assertEquals(expected, reader.read(id, MetadataJson.write(id, expected)));
        }
    }

    @Test
    void metadataWrittenOtherwiseIsParsedInFull() {
        MetadataJson.Reader reader = new MetadataJson.Reader();
        UUID id = UUID.randomUUID();
        String shortId = "{\"eventId\":\"e1\",\"correlationId\":\"c-000000000000000000000000000001\",\"principal\":\"x\"}";
        String escaped = "{\"eventId\":\"e\\\"2\",\"correlationId\":\"c-000000000000000000000000000002\",\"principal\":\"x\"}";

        assertEquals(new EventMetadata("c-000000000000000000000000000001", null, "x", null), reader.read(id, shortId));
        assertEquals(new EventMetadata("c-000000000000000000000000000002", null, "x", null), reader.read(id, escaped));
        assertEquals(new EventMetadata("c", null, null, null),
                reader.read(id, "{\"tenant\":null,\"later\":{\"a\":[1]},\"correlationId\":\"c\"}"));
    }

    @Test
    void unreadableMetadataIsADecodingError() {
        UUID id = UUID.randomUUID();
        assertThrows(EventDecodingException.class, () -> MetadataJson.read(id, "[]"));
        assertThrows(EventDecodingException.class, () -> MetadataJson.read(id, "{\"principal\":{\"name\":\"x\"}}"));
        assertThrows(EventDecodingException.class, () -> MetadataJson.read(id, "{\"principal\":"));
    }
}
