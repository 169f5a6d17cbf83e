package io.annals.web.ops;

import io.annals.core.store.EventStore;
import io.annals.store.jpa.JpaEventStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Hands the application the JPA event store wrapped in a timer: an enabled alternative bean, so every
 * injection of {@link EventStore} (buses, repositories, processors) gets the timed one.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class MeteredStores {

    @Inject
    MetricRegistry registry;

    @Produces
    @ApplicationScoped
    EventStore timedEventStore(JpaEventStore store) {
        Metadata appends = Metadata.builder().withName("annals.store.append")
                .withDescription("Time to append events to the event store").build();
        return new TimedEventStore(store, registry.timer(appends));
    }
}
