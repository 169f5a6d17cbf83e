package io.annals.store.jpa;

import io.annals.core.store.EventLocation;
import io.annals.core.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writer's statements on the log's tables, in plain JDBC: look-ups run at once, writes are added
 * to the batch's {@link StatementPipeline}. Inserts are multi-row statements rather than JDBC
 * batches: a hundred rows per statement on any driver, whether or not a PostgreSQL URL carries
 * {@code reWriteBatchedInserts=true}.
 */
final class LogTables {

    private static final int ROWS_PER_INSERT = 100;
    private static final int IDS_PER_QUERY = 500;

    private LogTables() {
    }

    /** Locks the log counter row, serialising every writer of every instance, and returns the last position. */
    static long lockLog(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT last_position FROM annals_log WHERE id = " + LogRecord.ID + " FOR UPDATE");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the annals_log row is missing: the schema was not migrated");
            }
            return row.getLong(1);
        }
    }

    /** The versions of {@code streams}; 0 for a stream without a head. */
    static Map<String, Long> streamVersions(Connection db, List<String> streams) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        for (List<String> chunk : chunks(streams, IDS_PER_QUERY)) {
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT stream_id, version FROM annals_streams WHERE stream_id IN (" + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        versions.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        for (String stream : streams) {
            versions.putIfAbsent(stream, 0L);
        }
        return versions;
    }

    /** Where those of {@code ids} that are stored are. */
    static Map<UUID, EventLocation> findStoredIds(Connection db, List<UUID> ids) throws SQLException {
        Map<UUID, EventLocation> stored = new HashMap<>();
        for (List<UUID> chunk : chunks(ids, IDS_PER_QUERY)) {
            try (PreparedStatement select = db.prepareStatement("SELECT event_id, stream_id, stream_version "
                    + "FROM annals_events WHERE event_id IN (" + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.put(rows.getObject(1, UUID.class), new EventLocation(rows.getString(2), rows.getLong(3)));
                    }
                }
            }
        }
        return stored;
    }

    /** Those of {@code ids} that are recorded. */
    static Set<UUID> findStoredCommands(Connection db, List<UUID> ids) throws SQLException {
        Set<UUID> stored = new HashSet<>();
        for (List<UUID> chunk : chunks(ids, IDS_PER_QUERY)) {
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT command_id FROM annals_commands WHERE command_id IN (" + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        }
        return stored;
    }

    /** The stream's version as the events table has it (the head table may disagree when refusing). */
    static long highestVersion(Connection db, String streamId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT MAX(stream_version) FROM annals_events WHERE stream_id = ?")) {
            select.setString(1, streamId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** An event to insert, with its metadata column already written. */
    record EventRow(StoredEvent event, String metadataJson) {
    }

    /** Inserts the events, a hundred rows per statement. */
    static void insertEvents(StatementPipeline pipeline, List<EventRow> rows) {
        for (List<EventRow> chunk : chunks(rows, ROWS_PER_INSERT)) {
            StringBuilder sql = new StringBuilder("INSERT INTO annals_events (global_position, stream_id, stream_version, "
                    + "event_id, event_type, schema_version, payload, metadata, occurred_at) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            pipeline.add(sql.toString(), chunk.size() * 9, (insert, first) -> {
                int p = first;
                for (EventRow row : chunk) {
                    StoredEvent event = row.event();
                    insert.setLong(p++, event.position());
                    insert.setString(p++, event.streamId());
                    insert.setLong(p++, event.version());
                    insert.setObject(p++, event.eventId());
                    insert.setString(p++, event.type());
                    insert.setInt(p++, event.schemaVersion());
                    insert.setString(p++, event.data());
                    insert.setString(p++, row.metadataJson());
                    insert.setObject(p++, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
                }
                return p;
            });
        }
    }

    /**
     * Moves each stream of {@code after} from its version in {@code before}: each row's update
     * guarded by the old version, or an insert for a new stream, which the primary key refuses if
     * the stream exists after all. The guard does not merely change no row: a head at another version
     * would be set to 0, which the table's check refuses, so the statement fails, and a batch whose
     * commit travels with its writes never commits past it. A missing row changes nothing, so the
     * update must also hit every one of its rows.
     *
     * <p>{@code merged}: a hundred streams per MERGE rather than one UPDATE per stream, which
     * PostgreSQL parsed, planned and ran one by one (most of its work on a batch of 32 appends). Not
     * on H2: there a MERGE in batches that were rolled back now and then left the log's counter
     * behind its events (two instances under load, within a hundred rounds).
     */
    static void moveHeads(StatementPipeline pipeline, Map<String, Long> before, Map<String, Long> after, boolean merged) {
        List<String> created = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (String stream : after.keySet()) {
            (before.get(stream) == 0 ? created : moved).add(stream);
        }
        if (merged) {
            for (List<String> chunk : chunks(moved, ROWS_PER_INSERT)) {
                mergeHeads(pipeline, chunk, before, after);
            }
        } else {
            for (String stream : moved) {
                updateHead(pipeline, stream, before.get(stream), after.get(stream));
            }
        }
        for (List<String> chunk : chunks(created, ROWS_PER_INSERT)) {
            StringBuilder sql = new StringBuilder("INSERT INTO annals_streams (stream_id, version) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?)");
            }
            pipeline.add(sql.toString(), chunk.size() * 2, (insert, first) -> {
                int p = first;
                for (String stream : chunk) {
                    insert.setString(p++, stream);
                    insert.setLong(p++, after.get(stream));
                }
                return p;
            });
        }
    }

    private static void mergeHeads(StatementPipeline pipeline, List<String> streams, Map<String, Long> before,
                                   Map<String, Long> after) {
        StringBuilder sql = new StringBuilder("MERGE INTO annals_streams s USING (VALUES ");
        for (int i = 0; i < streams.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(? AS VARCHAR(200)), CAST(? AS BIGINT), CAST(? AS BIGINT))");
        }
        sql.append(") AS v (stream_id, from_version, to_version) ON s.stream_id = v.stream_id WHEN MATCHED THEN "
                + "UPDATE SET version = CASE WHEN s.version = v.from_version THEN v.to_version ELSE 0 END");
        pipeline.addExpecting(streams.size(), sql.toString(), streams.size() * 3, (merge, first) -> {
            int p = first;
            for (String stream : streams) {
                merge.setString(p++, stream);
                merge.setLong(p++, before.get(stream));
                merge.setLong(p++, after.get(stream));
            }
            return p;
        });
    }

    private static void updateHead(StatementPipeline pipeline, String stream, long from, long to) {
        pipeline.addExpecting(1, "UPDATE annals_streams SET version = CASE WHEN version = ? THEN ? ELSE 0 END "
                + "WHERE stream_id = ?", 3, (update, first) -> {
                    update.setLong(first, from);
                    update.setLong(first + 1, to);
                    update.setString(first + 2, stream);
                    return first + 3;
                });
    }

    /** Records command ids with the streams their appends went to. */
    static void recordCommands(StatementPipeline pipeline, Map<UUID, String> streamsByCommand, OffsetDateTime recordedAt) {
        List<Map.Entry<UUID, String>> commands = List.copyOf(streamsByCommand.entrySet());
        for (List<Map.Entry<UUID, String>> chunk : chunks(commands, ROWS_PER_INSERT)) {
            StringBuilder sql = new StringBuilder("INSERT INTO annals_commands (command_id, stream_id, outcome, recorded_at) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, NULL, ?)");
            }
            pipeline.add(sql.toString(), chunk.size() * 3, (insert, first) -> {
                int p = first;
                for (Map.Entry<UUID, String> command : chunk) {
                    insert.setObject(p++, command.getKey());
                    insert.setString(p++, command.getValue());
                    insert.setObject(p++, recordedAt);
                }
                return p;
            });
        }
    }

    /** Hands out positions up to {@code lastPosition}; the batch holds the counter's lock already. */
    static void moveLog(StatementPipeline pipeline, long lastPosition) {
        pipeline.addExpecting(1, "UPDATE annals_log SET last_position = ? WHERE id = " + LogRecord.ID, 1,
                (update, first) -> {
                    update.setLong(first, lastPosition);
                    return first + 1;
                });
    }

    /**
     * Takes the counter's lock and moves it from {@code fromPosition} to {@code lastPosition}, but
     * only if it still holds {@code fromPosition}: every append of every instance moves the counter,
     * so a hit proves that nothing was appended since the writer last looked, and the lock keeps it
     * so until the commit. A miss fails the statement (the row's id would become 0, which the
     * table's check refuses), so no later statement of the batch, nor its commit, takes effect.
     */
    static void advanceLogFrom(StatementPipeline pipeline, long fromPosition, long lastPosition) {
        pipeline.addExpecting(1, "UPDATE annals_log SET last_position = ?, id = CASE WHEN last_position = ? THEN id ELSE 0 END"
                + " WHERE id = " + LogRecord.ID, 2, (update, first) -> {
                    update.setLong(first, lastPosition);
                    update.setLong(first + 1, fromPosition);
                    return first + 2;
                });
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    static String marks(int count) {
        return "?" + ", ?".repeat(count - 1);
    }

}
