package io.annals.store.jpa;

import io.annals.core.store.Snapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The snapshot table in plain JDBC. A save is one statement, so it commits on its own (or with the
 * JTA transaction the connection is enlisted in): through an entity manager it was a transaction of
 * a locking read, a write and a commit, and at one snapshot every hundred events of every stream it
 * took a tenth of the process's CPU under load.
 */
final class Snapshots {

    /**
     * Standard MERGE (H2 and PostgreSQL 15): inserts the stream's first snapshot, replaces an older
     * one and leaves a newer one. Two first saves of one stream at once: one fails the primary key
     * and is saved again, then as a replacement.
     */
    private static final String KEEP_NEWER = "MERGE INTO annals_snapshots s USING (VALUES (CAST(? AS VARCHAR(200)), "
            + "CAST(? AS BIGINT), CAST(? AS VARCHAR(400)), CAST(? AS TEXT), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
            + "AS v (stream_id, stream_version, snapshot_type, payload, taken_at) ON s.stream_id = v.stream_id "
            + "WHEN MATCHED AND s.stream_version <= v.stream_version THEN UPDATE SET stream_version = v.stream_version, "
            + "snapshot_type = v.snapshot_type, payload = v.payload, taken_at = v.taken_at "
            + "WHEN NOT MATCHED THEN INSERT (stream_id, stream_version, snapshot_type, payload, taken_at) "
            + "VALUES (v.stream_id, v.stream_version, v.snapshot_type, v.payload, v.taken_at)";

    private Snapshots() {
    }

    static Optional<Snapshot> latest(Connection db, String streamId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT stream_version, snapshot_type, payload FROM annals_snapshots WHERE stream_id = ?")) {
            select.setString(1, streamId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Snapshot(streamId, row.getLong(1), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    static Void keepNewer(Connection db, Snapshot snapshot, OffsetDateTime takenAt) throws SQLException {
        try (PreparedStatement merge = db.prepareStatement(KEEP_NEWER)) {
            merge.setString(1, snapshot.streamId());
            merge.setLong(2, snapshot.version());
            merge.setString(3, snapshot.type());
            merge.setString(4, snapshot.data());
            merge.setObject(5, takenAt);
            merge.executeUpdate();
        }
        return null;
    }
}
