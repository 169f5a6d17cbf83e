package io.annals.store.jpa;

import io.annals.core.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The store's reads of the events table in plain JDBC, row by row into {@link StoredEvent}: a
 * command loads its aggregate's stream before every decision, and going through entities cost more
 * than the read itself (loading 10,000 events took over twice the raw read).
 */
final class EventReads {

    private static final String COLUMNS = "SELECT global_position, stream_id, stream_version, event_id, event_type, "
            + "schema_version, payload, metadata, occurred_at FROM annals_events ";
    private static final int FETCH_SIZE = 1_000;

    private EventReads() {
    }

    /** The stream's events from {@code fromVersion} on, in version order. */
    static List<StoredEvent> stream(Connection db, String streamId, long fromVersion) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(COLUMNS
                + "WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version")) {
            select.setString(1, streamId);
            select.setLong(2, fromVersion);
            return rows(select);
        }
    }

    /** At most {@code limit} events after {@code afterPosition}, in position order. */
    static List<StoredEvent> after(Connection db, long afterPosition, int limit) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(COLUMNS
                + "WHERE global_position > ? ORDER BY global_position LIMIT ?")) {
            select.setLong(1, afterPosition);
            select.setInt(2, limit);
            return rows(select);
        }
    }

    private static List<StoredEvent> rows(PreparedStatement select) throws SQLException {
        select.setFetchSize(FETCH_SIZE);
        List<StoredEvent> events = new ArrayList<>();
        MetadataJson.Reader metadata = new MetadataJson.Reader();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID eventId = rows.getObject(4, UUID.class);
                events.add(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getLong(3), eventId, rows.getString(5),
                        rows.getInt(6), rows.getString(7), metadata.read(eventId, rows.getString(8)),
                        rows.getObject(9, OffsetDateTime.class).toInstant()));
            }
        }
        return events;
    }
}
