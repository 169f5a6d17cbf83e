package io.annals.benchmarks;

import io.annals.store.jpa.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh database for one case: a new PostgreSQL database next to {@code ANNALS_TEST_PG_URL}'s
 * (dropped afterwards), or an embedded H2 file database in a temporary folder (deleted afterwards).
 */
final class Database implements AutoCloseable {

    private static final String DEFAULT_PG = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final String name;
    private final String url;
    private final String baselineUrl;
    private final Runnable cleanup;

    private Database(String name, String url, String baselineUrl, Runnable cleanup) {
        this.name = name;
        this.url = url;
        this.baselineUrl = baselineUrl;
        this.cleanup = cleanup;
    }

    static Database create(String kind) throws Exception {
        return kind.equals("PostgreSQL") ? postgres() : h2();
    }

    private static Database postgres() throws SQLException {
        String admin = System.getenv().getOrDefault("ANNALS_TEST_PG_URL", DEFAULT_PG);
        String database = "annals_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, "CREATE DATABASE " + database);
        String url = admin.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1") + (admin.contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true";
        return new Database("PostgreSQL", url, url, () -> {
            try {
                execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop " + database + ": " + e.getMessage());
            }
        });
    }

    private static Database h2() throws IOException {
        Path directory = Files.createTempDirectory("annals-bench-h2");
        String url = EmbeddedDatabase.url(directory);
        // the baseline's own file, written at every commit as a hand-written JDBC application would run it
        String baselineUrl = "jdbc:h2:file:" + directory.resolve("baseline") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        return new Database("H2", url, baselineUrl, () -> {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + directory + ": " + e.getMessage());
            }
        });
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /**
     * A connection for the raw-JDBC baseline's own table. On H2 it is a database file of its own
     * with {@code WRITE_DELAY=0}, so that its commits are as durable as the store's: the store sets
     * a write delay on its database and writes each batch to the file itself.
     */
    Connection connectBaseline() throws SQLException {
        return DriverManager.getConnection(baselineUrl);
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
