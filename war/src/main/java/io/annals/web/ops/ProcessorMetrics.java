package io.annals.web.ops;

import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.processor.ProcessorStatus;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Publishes every processor's lag (events behind the log's head) as a gauge. */
@ApplicationScoped
public class ProcessorMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    ProcessorRuntime runtime;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) @Initialized(ApplicationScoped.class) Object application) {
        Metadata lag = Metadata.builder().withName("annals.processor.lag")
                .withDescription("Events in the global log a processor has not handled yet").build();
        for (ProcessorStatus status : runtime.statuses()) {
            String name = status.name();
            registry.gauge(lag, runtime, r -> lagOf(r, name), new Tag("processor", name));
        }
    }

    private static long lagOf(ProcessorRuntime runtime, String name) {
        return runtime.processor(name).map(p -> p.status().lag()).orElse(0L);
    }
}
