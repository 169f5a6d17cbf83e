package io.annals.web.ops;

import io.annals.web.http.CorrelationLog;
import io.annals.web.http.ShutdownGate;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Installs the correlation id in log lines and the shutdown gate's signal while the application
 * runs, and says where things are.
 */
@WebListener
public class StartupLog implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StartupLog.class.getName());

    @Inject
    ShutdownGate gate;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CorrelationLog.install();
        gate.closeOnSignal();
        LOG.info("Annals started: API under /api, OpenAPI at /openapi (UI at /openapi-ui/), health at /health, metrics at /metrics");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        gate.forgetSignal();
        CorrelationLog.uninstall();
    }
}
