package io.annals.core.event;

import io.annals.core.discovery.AnnalsExtension;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logical event names and Java classes, both ways. Filled at deployment with every event type the
 * extension found (aggregates' sealed event types, saga and projection parameters), and with any
 * other class the first time one is written. Reading never loads a class by a stored name.
 */
@ApplicationScoped
public class EventTypeRegistry {

    private final Map<String, EventDescriptor> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, EventDescriptor> byClass = new ConcurrentHashMap<>();

    @Inject
    AnnalsExtension extension;

    @PostConstruct
    void registerDiscovered() {
        extension.eventTypes().forEach(this::register);
    }

    /**
     * Registers an event class under its logical name.
     *
     * @throws IllegalStateException another class already uses the name
     */
    public EventDescriptor register(Class<?> type) {
        EventDescriptor known = byClass.get(type);
        if (known != null) {
            return known;
        }
        EventDescriptor descriptor = EventDescriptor.of(type);
        EventDescriptor clash = byName.putIfAbsent(descriptor.name(), descriptor);
        if (clash != null && clash.javaType() != type) {
            throw new IllegalStateException("event type name '" + descriptor.name() + "' is used by both "
                    + clash.javaType().getName() + " and " + type.getName());
        }
        byClass.put(type, descriptor);
        return descriptor;
    }

    /** The descriptor of a class, registering it on first use. */
    public EventDescriptor describe(Class<?> type) {
        EventDescriptor known = byClass.get(type);
        return known != null ? known : register(type);
    }

    /** @throws UnknownEventTypeException when nothing is registered under the name */
    public EventDescriptor byName(String name) {
        EventDescriptor descriptor = byName.get(name);
        if (descriptor == null) {
            throw new UnknownEventTypeException(name);
        }
        return descriptor;
    }

    public boolean isKnown(String name) {
        return byName.containsKey(name);
    }
}
