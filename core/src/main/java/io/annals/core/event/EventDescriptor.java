package io.annals.core.event;

/** A registered event type: its Java class, logical name and current schema version. */
public record EventDescriptor(Class<?> javaType, String name, int schemaVersion) {

    /**
     * The descriptor {@code type} declares: its {@link EventType} name and version, or its simple name
     * at version 1.
     *
     * @throws IllegalArgumentException the declared version is below 1
     */
    public static EventDescriptor of(Class<?> type) {
        EventType annotation = type.getAnnotation(EventType.class);
        String name = annotation == null || annotation.name().isBlank() ? type.getSimpleName() : annotation.name();
        int version = annotation == null ? 1 : annotation.version();
        if (version < 1) {
            throw new IllegalArgumentException("@EventType version of " + type.getName() + " must be >= 1");
        }
        return new EventDescriptor(type, name, version);
    }
}
