package io.annals.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.web.it.Api.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API on PostgreSQL ({@code ANNALS_DB_URL}), in a fresh database created for this run on the
 * server {@code ANNALS_TEST_PG_URL} names and dropped afterwards. Fails when PostgreSQL is missing.
 */
class PostgresApiIT extends ApiContract {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static PayaraMicro server;
    private static Api api;
    private static String database;

    @BeforeAll
    static void start() throws Exception {
        database = "annals_it_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(serverUrl()); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
        Path work = Files.createTempDirectory("annals-pg-it");
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("ANNALS_DB_URL", urlOf(database));
        environment.put("ANNALS_DATA_DIR", work.resolve("unused").toString());
        server = PayaraMicro.start("postgres", work, environment);
        api = new Api(server.base());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                try (Connection admin = DriverManager.getConnection(serverUrl()); Statement sql = admin.createStatement()) {
                    sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        }
    }

    @Override
    Api api() {
        return api;
    }

    @Test
    void answers503WithRetryAfterWhileTheDatabaseRefusesConnectionsAndRecovers() throws Exception {
        String account = openAccount("Patient");
        try {
            refuseConnections(true);
            String correlation = "db-down-" + UUID.randomUUID();
            Reply read = api.get("/api/accounts/" + account).header("X-Correlation-Id", correlation).send();
            assertProblem(read, 503);
            assertTrue(server.logText().contains("[correlationId=" + correlation + "] database unavailable"),
                    "the server's log line about the request carries its correlation id");
            assertEquals("5", read.header("Retry-After").orElseThrow());
            Reply deposit = api.post("/api/accounts/" + account + "/deposits", "{\"amount\":1}").send();
            assertProblem(deposit, 503);
            assertEquals(503, api.get("/health/ready").send().status());
            assertEquals(200, api.get("/health/live").send().status(), "liveness never touches the database");
        } finally {
            refuseConnections(false);
        }
        Reply deposit = api.post("/api/accounts/" + account + "/deposits", "{\"amount\":1}").send();
        assertEquals(200, deposit.status(), deposit::toString);
        assertEquals(2, deposit.json().get("version").asLong(), "the refused deposit stored nothing");
        eventually(() -> api.get("/health/ready").send().json(), ready -> ready.get("status").asText().equals("UP"));
    }

    /** Makes the test database refuse (and drop) connections, or accept them again. */
    private static void refuseConnections(boolean refuse) throws Exception {
        try (Connection admin = DriverManager.getConnection(serverUrl()); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }

    static String serverUrl() {
        String configured = System.getenv("ANNALS_TEST_PG_URL");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("annals.test.pg.url", DEFAULT_URL);
        }
        return configured;
    }

    /** The server URL with its database replaced by {@code name}, keeping its parameters. */
    static String urlOf(String name) {
        String url = serverUrl();
        int query = url.indexOf('?');
        String parameters = query < 0 ? "" : url.substring(query);
        String withoutQuery = query < 0 ? url : url.substring(0, query);
        return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name + parameters;
    }
}
