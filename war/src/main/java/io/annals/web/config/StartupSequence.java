package io.annals.web.config;

import io.annals.core.forward.Forwarders;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.store.EventStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * Starts the application in order when the web module starts: the event store (which migrates its
 * schema), then the WAR's own tables ({@link WebSchema}), then the projections, sagas and forwarders.
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Inject
    EventStore store;

    @Inject
    ProcessorRuntime processors;

    @Inject
    Forwarders forwarders;

    void startStore(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) @Initialized(ApplicationScoped.class) Object application) {
        long head = store.headPosition();
        LOG.info(() -> "event store ready at position " + head);
    }

    void startProcessors(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class) Object application) {
        processors.start();
        forwarders.start();
        LOG.info(() -> processors.statuses().size() + " projections, sagas and forwarders started");
    }
}
