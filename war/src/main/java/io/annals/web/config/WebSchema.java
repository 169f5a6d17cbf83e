package io.annals.web.config;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the WAR's own tables (idempotency keys) at start-up, after the event store's
 * migrations: its own location and history table, so it never touches the store's schema history.
 */
@ApplicationScoped
public class WebSchema {

    private static final Logger LOG = Logger.getLogger(WebSchema.class.getName());

    @Resource(lookup = "java:app/jdbc/annals")
    DataSource dataSource;

    void migrate(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) @Initialized(ApplicationScoped.class) Object application) {
        var result = Flyway.configure(WebSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/web")
                .table("annals_web_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "web schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations run)");
    }
}
