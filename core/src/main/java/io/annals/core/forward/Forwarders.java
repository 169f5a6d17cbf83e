package io.annals.core.forward;

import io.annals.core.event.EventJson;
import io.annals.core.processor.ProcessorRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Registers the configured forwarders with the {@link ProcessorRuntime} when the application
 * starts; their statuses are {@link ProcessorRuntime#forwarderStatuses()}. A malformed
 * configuration fails the start with an {@link InvalidForwarderConfigurationException}.
 */
@ApplicationScoped
public class Forwarders {

    private static final Logger LOG = Logger.getLogger(Forwarders.class.getName());

    @Inject
    ProcessorRuntime runtime;

    @Inject
    EventJson json;

    private List<ForwarderSettings> configured;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        start();
    }

    /** Registers every configured forwarder once; returns their settings. */
    public synchronized List<ForwarderSettings> start() {
        if (configured == null) {
            configured = ForwarderSettings.read(runtime.settings());
            for (ForwarderSettings forwarder : configured) {
                runtime.register(Forwarder.of(forwarder, json));
                LOG.info(() -> "forwarding " + (forwarder.eventTypes().isEmpty() ? "every event" : forwarder.eventTypes())
                        + " to " + forwarder.name() + " (" + forwarder.type().name().toLowerCase() + ")");
            }
        }
        return configured;
    }
}
