package io.annals.store.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A database of its own for one test class, removed afterwards: an H2 file database in a fresh
 * directory, or a PostgreSQL database with a random name on the server {@code ANNALS_TEST_PG_URL}
 * points at. An unreachable PostgreSQL fails the test; it is never skipped.
 */
abstract class TestDatabase implements AutoCloseable {

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    abstract String url();

    abstract String name();

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    StandaloneStores openStores(JpaEventStoreSettings settings) {
        return StandaloneStores.open(url(), null, null, settings);
    }

    /** Runs statements on a connection of its own, outside the store. */
    void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number {@code query} returns, read on a connection of its own. */
    long queryLong(String query) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            if (!row.next()) {
                throw new IllegalStateException("no row: " + query);
            }
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public abstract void close();

    static TestDatabase h2() {
        try {
            return new H2(Files.createTempDirectory("annals-h2-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestDatabase postgres() {
        return new Postgres(serverUrl());
    }

    static String serverUrl() {
        String fromEnvironment = System.getenv("ANNALS_TEST_PG_URL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return System.getProperty("annals.test.pg.url", DEFAULT_PG_URL);
    }

    /** An embedded file database, with the URL the product recommends. */
    static final class H2 extends TestDatabase {

        private final Path directory;

        H2(Path directory) {
            this.directory = directory;
        }

        Path directory() {
            return directory;
        }

        @Override
        String url() {
            return EmbeddedDatabase.url(directory);
        }

        @Override
        String name() {
            return "H2";
        }

        @Override
        public void close() {
            execute("SHUTDOWN");
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A database created for the test on the PostgreSQL server, dropped by {@link #close}. */
    static final class Postgres extends TestDatabase {

        private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

        private final String serverUrl;
        private final String database;

        Postgres(String serverUrl) {
            this.serverUrl = serverUrl;
            this.database = "annals_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            try (Connection admin = DriverManager.getConnection(serverUrl); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + serverUrl + " is needed by this test (set "
                        + "ANNALS_TEST_PG_URL to point elsewhere): " + e.getMessage(), e);
            }
        }

        @Override
        String url() {
            Matcher matcher = URL.matcher(serverUrl);
            if (!matcher.matches()) {
                throw new IllegalStateException("not a PostgreSQL JDBC URL: " + serverUrl);
            }
            return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
        }

        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        public void close() {
            try (Connection admin = DriverManager.getConnection(serverUrl); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
