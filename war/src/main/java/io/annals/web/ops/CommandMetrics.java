package io.annals.web.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the commands received over HTTP, handled and failed, per command type. Counting never fails
 * a request: a command whose events are stored must not be answered with an error because the
 * metrics registry is gone (as it is while the server shuts down).
 */
@ApplicationScoped
public class CommandMetrics {

    private static final Logger LOG = Logger.getLogger(CommandMetrics.class.getName());

    @Inject
    MetricRegistry registry;

    public void handled(Object command) {
        count("annals.commands.handled", command);
    }

    public void failed(Object command) {
        count("annals.commands.failed", command);
    }

    private void count(String name, Object command) {
        try {
            registry.counter(name, new Tag("command", command.getClass().getSimpleName())).inc();
        } catch (RuntimeException registryGone) {
            LOG.log(Level.FINE, "could not count " + name, registryGone);
        }
    }
}
