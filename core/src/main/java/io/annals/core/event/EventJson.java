package io.annals.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The one JSON shape of a stored event that leaves the application (webhooks, {@code /api/events},
 * an account's history):
 * <pre>{@code
 * {"eventId","streamId","type","version","position","data":{…},
 *  "metadata":{"correlationId","causationId","principal","tenant"},"occurredAt":"2026-11-21T10:15:30.123Z"}
 * }</pre>
 * {@code version} is the stream version, {@code occurredAt} UTC with milliseconds. {@code data} is
 * the payload in its current shape: an event stored with an older schema version goes through the
 * upcasters first; an event whose type this application does not know is shown as stored.
 */
@ApplicationScoped
public class EventJson {

    private static final DateTimeFormatter OCCURRED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    EventSerializer serializer;

    @Inject
    EventTypeRegistry types;

    /** For CDI. */
    protected EventJson() {
    }

    /** For use outside a container. */
    public EventJson(EventSerializer serializer, EventTypeRegistry types) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.types = Objects.requireNonNull(types, "types");
    }

    /** The event as a JSON tree, fields in the order above. */
    public ObjectNode toTree(StoredEvent event) {
        ObjectMapper mapper = serializer.mapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("eventId", event.eventId().toString());
        json.put("streamId", event.streamId());
        json.put("type", event.type());
        json.put("version", event.version());
        json.put("position", event.position());
        json.set("data", data(event));
        EventMetadata metadata = event.metadata() != null ? event.metadata() : EventMetadata.EMPTY;
        ObjectNode meta = json.putObject("metadata");
        meta.put("correlationId", metadata.correlationId());
        meta.put("causationId", metadata.causationId());
        meta.put("principal", metadata.principal());
        meta.put("tenant", metadata.tenant());
        json.put("occurredAt", OCCURRED_AT.format(event.occurredAt()));
        return json;
    }

    /** The event as a JSON document. */
    public String write(StoredEvent event) {
        try {
            return serializer.mapper().writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId() + " as JSON", e);
        }
    }

    private JsonNode data(StoredEvent event) {
        if (types.isKnown(event.type()) && types.byName(event.type()).schemaVersion() != event.schemaVersion()) {
            return serializer.mapper().valueToTree(serializer.payloadOf(event));
        }
        try {
            return serializer.mapper().reader()
                    // keeps decimals as written: 100.50 stays 100.50
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("event " + event.eventId() + " holds invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
