package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standalone stores' connection reuse, on an in-memory H2 database. */
class ReusedConnectionsTest {

    private ReusedConnections connections;

    @BeforeEach
    void open() throws SQLException {
        connections = new ReusedConnections(new DriverManagerDataSource(
                "jdbc:h2:mem:reused-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null), 2);
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id INTEGER PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void aClosedConnectionIsHandedToTheNextCaller() throws SQLException {
        Connection first = connections.getConnection();
        Connection physical = first.unwrap(Connection.class);
        first.close();

        try (Connection second = connections.getConnection()) {
            assertNotSame(first, second);
            assertSame(physical, second.unwrap(Connection.class));
        }
    }

    @Test
    void aConnectionComesBackInAutoCommitWithItsWorkRolledBack() throws SQLException {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO items VALUES (1)");
        }
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM items")) {
            assertTrue(connection.getAutoCommit());
            assertTrue(rows.next());
            assertEquals(0, rows.getInt(1));
        }
    }

    @Test
    void aConnectionIsUnusableOnceGivenBack() throws SQLException {
        Connection connection = connections.getConnection();
        connection.close();
        connection.close();

        assertTrue(connection.isClosed());
        assertThrows(SQLException.class, connection::createStatement);
    }

    @Test
    void aConnectionThatWasClosedUnderneathIsNotKept() throws SQLException {
        Connection first = connections.getConnection();
        Connection physical = first.unwrap(Connection.class);
        physical.close();
        first.close();

        try (Connection second = connections.getConnection()) {
            assertNotSame(physical, second.unwrap(Connection.class));
        }
    }
}
