package io.annals.store.jpa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.annals.core.event.AnnalsJson;
import io.annals.core.event.EventDecodingException;
import io.annals.core.store.EventMetadata;
import java.io.IOException;
import java.util.UUID;

/**
 * An event's metadata column: a JSON object with the event id (so a row read on its own says what
 * it is), correlation id, causation id, principal and tenant; absent fields are left out.
 */
final class MetadataJson {

    private static final ObjectMapper MAPPER = AnnalsJson.newMapper();
    private static final String EVENT_ID_FIELD = "{\"eventId\":\"";
    /** Where the quote closing the event id stands: after the field's opening and a 36-character UUID. */
    private static final int ID_END = EVENT_ID_FIELD.length() + 36;

    private MetadataJson() {
    }

    /** The stored shape; unknown fields are ignored on read, so metadata can grow. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(UUID eventId, String correlationId, String causationId, String principal, String tenant) {
    }

    static String write(UUID eventId, EventMetadata metadata) {
        try {
            return MAPPER.writeValueAsString(new Stored(eventId, metadata.correlationId(), metadata.causationId(),
                    metadata.principal(), metadata.tenant()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the metadata of event " + eventId + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads the metadata of consecutive rows. Events appended together carry the same metadata but
     * for their id, which {@link #write} puts first: while the rest of the text repeats, the value
     * read for the previous row is the answer.
     */
    static final class Reader {
        /** The previous row's text, when it opened with a plain event id. */
        private String lastJson;
        private EventMetadata last;

        EventMetadata read(UUID eventId, String json) {
            boolean plain = startsWithPlainEventId(json);
            if (plain && lastJson != null && json.length() == lastJson.length()
                    && json.regionMatches(ID_END, lastJson, ID_END, json.length() - ID_END)) {
                return last;
            }
            last = MetadataJson.read(eventId, json);
            lastJson = plain ? json : null;
            return last;
        }
    }

    /** Whether the text opens with the event id as written here: 36 characters, no quote or escape among them. */
    private static boolean startsWithPlainEventId(String json) {
        if (!json.startsWith(EVENT_ID_FIELD) || json.indexOf('"', EVENT_ID_FIELD.length()) != ID_END) {
            return false;
        }
        int escape = json.indexOf('\\', EVENT_ID_FIELD.length());
        return escape < 0 || escape > ID_END;
    }

    /** Reads the stored shape with a streaming parser: it runs for every event a load or a processor reads. */
    static EventMetadata read(UUID eventId, String json) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new EventDecodingException("the metadata of event " + eventId + " is not a JSON object");
            }
            String correlationId = null;
            String causationId = null;
            String principal = null;
            String tenant = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "correlationId" -> correlationId = text(eventId, parser, value);
                    case "causationId" -> causationId = text(eventId, parser, value);
                    case "principal" -> principal = text(eventId, parser, value);
                    case "tenant" -> tenant = text(eventId, parser, value);
                    default -> parser.skipChildren();
                }
            }
            return new EventMetadata(correlationId, causationId, principal, tenant);
        } catch (IOException e) {
            throw new EventDecodingException("the metadata of event " + eventId + " is not readable: " + e.getMessage(), e);
        }
    }

    private static String text(UUID eventId, JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!value.isScalarValue()) {
            throw new EventDecodingException("the metadata of event " + eventId + " has a non-text " + parser.currentName());
        }
        return parser.getText();
    }
}
