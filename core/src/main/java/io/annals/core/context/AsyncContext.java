package io.annals.core.context;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The context a command, query or event carries across threads: correlation id (one per business
 * flow), causation id (the message that caused this one), principal, tenant and free attributes.
 * Immutable; the {@code with…} methods return copies.
 */
public record AsyncContext(String correlationId, String causationId, String principal, String tenant,
                           Map<String, String> attributes) {

    public AsyncContext {
        Objects.requireNonNull(correlationId, "correlationId");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A new flow: a random correlation id and nothing else. */
    public static AsyncContext create() {
        return new AsyncContext(randomCorrelationId(), null, null, null, Map.of());
    }

    /**
     * A random (version 4) UUID string. Correlation ids need uniqueness, not unpredictability, so
     * this avoids {@code SecureRandom}, which cost more than the rest of a dispatch.
     */
    static String randomCorrelationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A new flow with the given correlation id. */
    public static AsyncContext withCorrelation(String correlationId) {
        return new AsyncContext(correlationId, null, null, null, Map.of());
    }

    /** The context attached to {@code message} with {@link #attach(Object)}, if any. */
    public static Optional<AsyncContext> of(Object message) {
        return ContextAttachments.lookup(message);
    }

    /** Attaches this context to a message instance, so a later dispatch of it runs in this context. */
    public <M> M attach(M message) {
        ContextAttachments.attach(message, this);
        return message;
    }

    public AsyncContext withCausation(String causationId) {
        return new AsyncContext(correlationId, causationId, principal, tenant, attributes);
    }

    public AsyncContext withPrincipal(String principal) {
        return new AsyncContext(correlationId, causationId, principal, tenant, attributes);
    }

    public AsyncContext withTenant(String tenant) {
        return new AsyncContext(correlationId, causationId, principal, tenant, attributes);
    }

    public AsyncContext withAttribute(String name, String value) {
        Map<String, String> copy = new HashMap<>(attributes);
        copy.put(name, value);
        return new AsyncContext(correlationId, causationId, principal, tenant, copy);
    }

    /**
     * This context completed by {@code other}: fields this one lacks are taken from {@code other},
     * attributes are united with this context's values winning.
     */
    public AsyncContext merge(AsyncContext other) {
        Map<String, String> united = new HashMap<>(other.attributes);
        united.putAll(attributes);
        return new AsyncContext(correlationId,
                causationId != null ? causationId : other.causationId,
                principal != null ? principal : other.principal,
                tenant != null ? tenant : other.tenant,
                united);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
