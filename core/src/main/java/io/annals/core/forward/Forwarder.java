package io.annals.core.forward;

import io.annals.core.event.EventJson;
import io.annals.core.processor.ProcessorKind;
import io.annals.core.processor.RetryPolicy;
import io.annals.core.processor.StoredEventProcessor;
import io.annals.core.store.StoredEvent;
import java.util.Optional;

/**
 * One configured forwarder as a processor: it takes the stored events of its types and hands their
 * JSON to its destination. The tracking processor gives it what a forwarder promises: order, a
 * checkpoint of its own, retries with exponential backoff and a dead letter after the last attempt.
 */
final class Forwarder implements StoredEventProcessor {

    private final ForwarderSettings settings;
    private final Destination destination;
    private final EventJson json;

    Forwarder(ForwarderSettings settings, Destination destination, EventJson json) {
        this.settings = settings;
        this.destination = destination;
        this.json = json;
    }

    static Forwarder of(ForwarderSettings settings, EventJson json) {
        Destination destination = switch (settings.type()) {
            case LOG -> new LogDestination(settings.name());
            case HTTP -> new HttpDestination(settings.url(), settings.secret(), settings.timeout());
        };
        return new Forwarder(settings, destination, json);
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public ProcessorKind kind() {
        return ProcessorKind.FORWARDER;
    }

    @Override
    public boolean accepts(String eventType) {
        return settings.sends(eventType);
    }

    @Override
    public void handle(StoredEvent event) {
        destination.deliver(event, json.write(event));
    }

    @Override
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.of(settings.retryPolicy());
    }
}
