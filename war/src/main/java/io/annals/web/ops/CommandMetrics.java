package io.annals.web.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the commands received over HTTP, handled and failed, per command type. Counting never fails
 * a request: a command whose events are stored must not be answered with an error because the
 * metrics registry is gone (as it is while the server shuts down). Each counter is looked up once
 * per command type: the registry's look-up by name and tag cost more than the rest of the counting.
 */
@ApplicationScoped
public class CommandMetrics {

    private static final Logger LOG = Logger.getLogger(CommandMetrics.class.getName());

    private final Map<Class<?>, Counter> handled = new ConcurrentHashMap<>();
    private final Map<Class<?>, Counter> failed = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;

    public void handled(Object command) {
        count("annals.commands.handled", handled, command);
    }

    public void failed(Object command) {
        count("annals.commands.failed", failed, command);
    }

    private void count(String name, Map<Class<?>, Counter> counters, Object command) {
        try {
            counters.computeIfAbsent(command.getClass(),
                    type -> registry.counter(name, new Tag("command", type.getSimpleName()))).inc();
        } catch (RuntimeException registryGone) {
            LOG.log(Level.FINE, "could not count " + name, registryGone);
        }
    }
}
