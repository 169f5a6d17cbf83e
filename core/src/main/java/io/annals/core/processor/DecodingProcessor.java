package io.annals.core.processor;

import io.annals.core.context.AsyncContext;
import io.annals.core.context.ContextActivator;
import io.annals.core.context.DispatchOptions;
import io.annals.core.event.EventEnvelope;
import io.annals.core.event.EventSerializer;
import io.annals.core.event.EventTypeRegistry;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.StoredEvent;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adapts a projection or saga to the tracking processor: decodes each stored event of a handled
 * type and hands it over with the event's context restored. A batch runs in one activated request
 * context (request-scoped beans live for the batch; each event sees its own {@link AsyncContext}):
 * activating one per event cost as much as the rest of a projection's delivery.
 */
final class DecodingProcessor implements StoredEventProcessor {

    private final EventProcessor processor;
    private final Set<String> handledTypes;
    private final EventSerializer serializer;
    private final ContextActivator contexts;

    DecodingProcessor(EventProcessor processor, EventTypeRegistry types, EventSerializer serializer, ContextActivator contexts) {
        this.processor = processor;
        this.handledTypes = processor.eventTypes().stream().map(t -> types.describe(t).name()).collect(Collectors.toUnmodifiableSet());
        this.serializer = serializer;
        this.contexts = contexts;
    }

    @Override
    public String name() {
        return processor.name();
    }

    @Override
    public ProcessorKind kind() {
        return processor.kind();
    }

    @Override
    public boolean accepts(String eventType) {
        return handledTypes.contains(eventType);
    }

    @Override
    public boolean inMemoryCheckpoint() {
        return processor.inMemoryCheckpoint();
    }

    @Override
    public Optional<RebuildableProjection> rebuildable() {
        return processor.rebuildable();
    }

    @Override
    public void inBatch(Runnable deliveries) {
        contexts.runIn(AsyncContext.create(), DispatchOptions.NONE, deliveries);
    }

    @Override
    public void handle(StoredEvent stored) {
        EventEnvelope<Object> envelope;
        try {
            envelope = serializer.envelopeOf(stored);
        } catch (RuntimeException undecodable) {
            throw new UndeliverableEventException(stored, undecodable);
        }
        contexts.runIn(contextOf(stored), DispatchOptions.NONE, () -> processor.handle(envelope));
    }

    /** The context a reaction to this event runs in: same flow, caused by the event. */
    static AsyncContext contextOf(StoredEvent stored) {
        EventMetadata metadata = stored.metadata();
        String correlation = metadata.correlationId() != null ? metadata.correlationId() : stored.eventId().toString();
        return AsyncContext.withCorrelation(correlation)
                .withCausation(stored.eventId().toString())
                .withPrincipal(metadata.principal())
                .withTenant(metadata.tenant());
    }
}
