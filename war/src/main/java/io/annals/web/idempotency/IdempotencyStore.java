package io.annals.web.idempotency;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Idempotency records in the {@code annals_idempotency} table (plain JDBC, one statement per
 * transaction). A record is kept 48 hours. A record left running by a crashed process is taken over
 * after a minute; the command id derived from the key keeps the command from acting twice.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration KEEP = Duration.ofHours(48);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final String RUNNING = "running";
    private static final String DONE = "done";

    private final AtomicLong lastPurge = new AtomicLong();

    @Resource(lookup = "java:app/jdbc/annals")
    DataSource dataSource;

    public Claim claim(String scope, String key, String fingerprint) {
        purgeNowAndThen();
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection()) {
            if (insert(connection, scope, key, fingerprint, now)) {
                return Claim.of(Claim.Outcome.CLAIMED);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT fingerprint, state, status, content_type, location, body, created_at FROM annals_idempotency "
                            + "WHERE request_scope = ? AND idempotency_key = ?")) {
                select.setString(1, scope);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        // released between our insert and select: the key is free again
                        return insert(connection, scope, key, fingerprint, now) ? Claim.of(Claim.Outcome.CLAIMED)
                                : Claim.of(Claim.Outcome.IN_PROGRESS);
                    }
                    if (!row.getString(1).equals(fingerprint)) {
                        return Claim.of(Claim.Outcome.DIFFERENT_BODY);
                    }
                    if (DONE.equals(row.getString(2))) {
                        return Claim.replay(new StoredResponse(row.getInt(3), row.getString(4), row.getString(5), row.getString(6)));
                    }
                    long startedAt = row.getLong(7);
                    if (now - startedAt > ABANDONED_AFTER.toMillis() && takeOver(connection, scope, key, startedAt, now)) {
                        return Claim.of(Claim.Outcome.CLAIMED);
                    }
                    return Claim.of(Claim.Outcome.IN_PROGRESS);
                }
            }
        } catch (SQLException failure) {
            throw new IdempotencyStoreException(failure);
        }
    }

    /** Records the response of a claimed request. */
    public void complete(String scope, String key, StoredResponse response) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE annals_idempotency SET state = ?, status = ?, "
                     + "content_type = ?, location = ?, body = ? WHERE request_scope = ? AND idempotency_key = ?")) {
            update.setString(1, DONE);
            update.setInt(2, response.status());
            update.setString(3, response.contentType());
            update.setString(4, response.location());
            update.setString(5, response.body());
            update.setString(6, scope);
            update.setString(7, key);
            update.executeUpdate();
        } catch (SQLException failure) {
            throw new IdempotencyStoreException(failure);
        }
    }

    /** Forgets a claim whose request failed on the server side, so a retry runs again. */
    public void release(String scope, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM annals_idempotency WHERE request_scope = ? AND idempotency_key = ? AND state = ?")) {
            delete.setString(1, scope);
            delete.setString(2, key);
            delete.setString(3, RUNNING);
            delete.executeUpdate();
        } catch (SQLException failure) {
            throw new IdempotencyStoreException(failure);
        }
    }

    private static boolean insert(Connection connection, String scope, String key, String fingerprint, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO annals_idempotency "
                + "(request_scope, idempotency_key, fingerprint, state, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            insert.setString(4, RUNNING);
            insert.setLong(5, now);
            insert.executeUpdate();
            return true;
        } catch (SQLException refused) {
            if ("23505".equals(refused.getSQLState())) {
                return false;
            }
            throw refused;
        }
    }

    private static boolean takeOver(Connection connection, String scope, String key, long startedAt, long now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE annals_idempotency SET created_at = ? "
                + "WHERE request_scope = ? AND idempotency_key = ? AND state = ? AND created_at = ?")) {
            update.setLong(1, now);
            update.setString(2, scope);
            update.setString(3, key);
            update.setString(4, RUNNING);
            update.setLong(5, startedAt);
            return update.executeUpdate() == 1;
        }
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < PURGE_EVERY.toMillis() || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM annals_idempotency WHERE created_at < ?")) {
            delete.setLong(1, now - KEEP.toMillis());
            delete.executeUpdate();
        } catch (SQLException failure) {
            throw new IdempotencyStoreException(failure);
        }
    }
}
