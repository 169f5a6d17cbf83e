package io.annals.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The baselines: plain JDBC on one connection, on a table of the event table's shape in the same
 * kind of database, with nothing the event store adds (no global-log lock, no version table, no
 * JSON, no container).
 */
final class RawJdbc implements AutoCloseable {

    private static final String PAYLOAD = "{\"amount\":100.00}";
    private static final String METADATA = "{\"correlationId\":\"bench\",\"causationId\":null,\"principal\":null,\"tenant\":null}";

    private final Connection connection;
    private final String table;
    private final PreparedStatement insert;
    private final PreparedStatement currentVersion;
    private long position;

    /**
     * @param connection where the baseline's table is created; the baseline closes it
     * @param table the table's name, so that two baselines can share a database
     */
    RawJdbc(Connection connection, String table) throws SQLException {
        this.connection = connection;
        this.table = table;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (global_position BIGINT NOT NULL PRIMARY KEY,"
                    + " stream_id VARCHAR(200) NOT NULL, stream_version BIGINT NOT NULL, event_id UUID NOT NULL UNIQUE,"
                    + " event_type VARCHAR(200) NOT NULL, schema_version INTEGER NOT NULL, payload TEXT NOT NULL,"
                    + " metadata TEXT NOT NULL, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " UNIQUE (stream_id, stream_version))");
        }
        connection.setAutoCommit(false);
        insert = connection.prepareStatement("INSERT INTO " + table + " (global_position, stream_id, stream_version, event_id,"
                + " event_type, schema_version, payload, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)");
        currentVersion = connection.prepareStatement(
                "SELECT stream_version FROM " + table + " WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1");
    }

    /** One event per transaction, after reading the stream's current version. */
    void readVersionAndAppend(String stream) throws SQLException {
        long version = 0;
        currentVersion.setString(1, stream);
        try (ResultSet rows = currentVersion.executeQuery()) {
            if (rows.next()) {
                version = rows.getLong(1);
            }
        }
        insertOne(stream, version + 1);
        connection.commit();
    }

    /** One event per transaction, version known. */
    void append(String stream, long version) throws SQLException {
        insertOne(stream, version);
        connection.commit();
    }

    /** {@code count} events of one stream in one batched transaction (to prepare long streams). */
    void appendBatch(String stream, int count) throws SQLException {
        for (int version = 1; version <= count; version++) {
            fill(stream, version);
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
    }

    /** Reads a whole stream, payloads as strings (not parsed); returns how many rows. */
    int readStream(String stream) throws SQLException {
        int count = 0;
        try (PreparedStatement read = connection.prepareStatement("SELECT global_position, stream_version, event_id,"
                + " event_type, schema_version, payload, metadata, occurred_at FROM " + table + " WHERE stream_id = ?"
                + " ORDER BY stream_version")) {
            read.setString(1, stream);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                    rows.getLong(2);
                    rows.getObject(3);
                    rows.getString(4);
                    rows.getInt(5);
                    rows.getString(6);
                    rows.getString(7);
                    rows.getTimestamp(8);
                    count++;
                }
            }
        }
        connection.commit();
        return count;
    }

    private void insertOne(String stream, long version) throws SQLException {
        fill(stream, version);
        insert.executeUpdate();
    }

    private void fill(String stream, long version) throws SQLException {
        insert.setLong(1, ++position);
        insert.setString(2, stream);
        insert.setLong(3, version);
        insert.setObject(4, UUID.randomUUID());
        insert.setString(5, "TallyAdded");
        insert.setString(6, PAYLOAD);
        insert.setString(7, METADATA);
        insert.setTimestamp(8, Timestamp.from(Instant.now()));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
