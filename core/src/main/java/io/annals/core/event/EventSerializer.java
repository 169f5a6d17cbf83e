package io.annals.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annals.core.discovery.ApplicationInstances;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events, snapshots and command outcomes to JSON and back. Reading an event applies the upcaster
 * chain from its stored schema version to the current one; the stored JSON is never changed.
 */
@ApplicationScoped
public class EventSerializer {

    private final ObjectMapper mapper = AnnalsJson.newMapper();
    // addUpcaster may run while processor threads read events
    private final Map<String, Upcaster> upcasters = new ConcurrentHashMap<>();

    @Inject
    EventTypeRegistry types;

    @Inject
    Instance<Upcaster> discoveredUpcasters;

    @Inject
    BeanManager beans;

    @Inject
    EventIdProvider eventIds;

    /** Collects the upcasters; calls the type registry and the id provider directly, not through client proxies ({@link ApplicationInstances}). */
    @PostConstruct
    void collectUpcasters() {
        types = ApplicationInstances.behind(beans, EventTypeRegistry.class, types);
        eventIds = ApplicationInstances.behind(beans, EventIdProvider.class, eventIds);
        discoveredUpcasters.forEach(this::addUpcaster);
    }

    /** Adds an upcaster (CDI beans implementing {@link Upcaster} are added at start-up). */
    public void addUpcaster(Upcaster upcaster) {
        Upcaster clash = upcasters.putIfAbsent(key(upcaster.eventType(), upcaster.fromVersion()), upcaster);
        if (clash != null && clash != upcaster) {
            throw new IllegalStateException("two upcasters for " + upcaster.eventType() + " v" + upcaster.fromVersion()
                    + ": " + clash.getClass().getName() + " and " + upcaster.getClass().getName());
        }
    }

    /** An event ready to append, with a fresh id from the {@link EventIdProvider}. */
    public NewEvent toNewEvent(Object event, EventMetadata metadata) {
        return toNewEvent(eventIds.nextEventId(), event, metadata);
    }

    public NewEvent toNewEvent(UUID eventId, Object event, EventMetadata metadata) {
        EventDescriptor descriptor = types.describe(event.getClass());
        return new NewEvent(eventId, descriptor.name(), descriptor.schemaVersion(), write(event), metadata);
    }

    /** The stored event's payload in its current Java shape. */
    public Object payloadOf(StoredEvent stored) {
        EventDescriptor descriptor = types.byName(stored.type());
        try {
            if (stored.schemaVersion() == descriptor.schemaVersion()) {
                return mapper.readValue(stored.data(), descriptor.javaType());
            }
            JsonNode upcast = upcast(stored, descriptor);
            return mapper.treeToValue(upcast, descriptor.javaType());
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("event " + stored.eventId() + " of type '" + stored.type()
                    + "' does not match " + descriptor.javaType().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The stored event with its payload decoded. */
    public EventEnvelope<Object> envelopeOf(StoredEvent stored) {
        return envelope(payloadOf(stored), stored);
    }

    /** An envelope for a payload the caller already holds in Java shape (no decoding). */
    public static <E> EventEnvelope<E> envelope(E payload, StoredEvent stored) {
        return new EventEnvelope<>(payload, stored.eventId(), stored.streamId(), stored.version(), stored.position(),
                stored.type(), stored.metadata(), stored.occurredAt());
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("JSON does not match " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public Object read(String json, Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        try {
            return mapper.readValue(json, javaType);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("JSON does not match " + type.getTypeName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private JsonNode upcast(StoredEvent stored, EventDescriptor descriptor) throws JsonProcessingException {
        int version = stored.schemaVersion();
        if (version > descriptor.schemaVersion()) {
            throw new UnsupportedSchemaVersionException(stored.type(), version, descriptor.schemaVersion(),
                    "it is newer than this code");
        }
        JsonNode node = mapper.readTree(stored.data());
        while (version < descriptor.schemaVersion()) {
            Upcaster upcaster = upcasters.get(key(stored.type(), version));
            if (upcaster == null) {
                throw new UnsupportedSchemaVersionException(stored.type(), stored.schemaVersion(),
                        descriptor.schemaVersion(), "no upcaster from version " + version);
            }
            if (!(node instanceof ObjectNode object)) {
                throw new EventDecodingException("event " + stored.eventId() + " payload is not a JSON object");
            }
            node = upcaster.upcast(object);
            version++;
        }
        return node;
    }

    private static String key(String type, int version) {
        return type + "#" + version;
    }
}
