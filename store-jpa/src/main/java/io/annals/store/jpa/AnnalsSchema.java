package io.annals.store.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the event store's tables with Flyway (never JPA's DDL generation). The
 * migrations live in this jar under {@code io/annals/store/jpa/migration} and keep their own history
 * table, {@code annals_schema_history}, so an application that uses Flyway for its own tables in the
 * same schema is not disturbed (and a schema that already holds other tables is accepted).
 */
public final class AnnalsSchema {

    /** Where the migrations are on the class path. */
    public static final String LOCATION = "classpath:io/annals/store/jpa/migration";
    /** Flyway's history table of the event store's migrations. */
    public static final String HISTORY_TABLE = "annals_schema_history";

    private static final Logger LOG = Logger.getLogger(AnnalsSchema.class.getName());

    private AnnalsSchema() {
    }

    /** Brings the schema of {@code dataSource} to the current version; safe to call on every start. */
    public static void migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(AnnalsSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "event store schema migrated to version " + result.targetSchemaVersion);
        }
        prepareDatabase(dataSource);
    }

    private static void prepareDatabase(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect.of(connection).prepareDatabase(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the event store's database: " + e.getMessage(), e);
        }
    }
}
