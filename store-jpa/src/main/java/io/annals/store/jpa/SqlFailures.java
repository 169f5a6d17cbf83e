package io.annals.store.jpa;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads what a database failure means from its SQLState, the one signal H2 and PostgreSQL share
 * (the exception classes differ: PostgreSQL's unique violation is not a
 * {@code SQLIntegrityConstraintViolationException}).
 */
final class SqlFailures {

    private SqlFailures() {
    }

    /** The first SQLException in the cause chain (JPA wraps it several times). */
    static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** A unique or primary key was violated (23505 on both databases). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(deepestState(e));
    }

    /** A check constraint refused a row (PostgreSQL's 23514, H2's 23513); the writer's guards rely on it. */
    static boolean isCheckViolation(SQLException e) {
        String state = deepestState(e);
        return "23514".equals(state) || "23513".equals(state);
    }

    /**
     * Waiting for a lock ended without a result, and trying again may succeed: H2's lock timeout
     * (HYT00) and deadlock (40001), PostgreSQL's serialization failure (40001), deadlock (40P01)
     * and lock timeout (55P03).
     */
    static boolean isLockContention(SQLException e) {
        String state = deepestState(e);
        return "HYT00".equals(state) || "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state);
    }

    /**
     * The connection is gone or the database cannot take it: connection exceptions (class 08),
     * PostgreSQL's shutdown states (57P01–57P03), H2's "database closed" and "connection broken".
     */
    static boolean isConnectionFailure(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P")
                    || "90098".equals(state) || "90121".equals(state) || "90067".equals(state))) {
                return true;
            }
        }
        return false;
    }

    /** The most specific SQLState: a batch reports the real cause as the next exception. */
    private static String deepestState(SQLException e) {
        String state = e.getSQLState();
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                state = next.getSQLState();
            }
        }
        return state;
    }
}
