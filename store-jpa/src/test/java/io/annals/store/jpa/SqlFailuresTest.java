package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQLStates the store reacts to, as H2 and PostgreSQL report them. */
class SqlFailuresTest {

    @Test
    void findsTheSqlExceptionUnderJpaWrappers() {
        SQLException cause = new SQLException("duplicate key", "23505");
        PersistenceException wrapped = new PersistenceException(new RuntimeException(cause));

        assertEquals(Optional.of(cause), SqlFailures.sqlCause(wrapped));
        assertEquals(Optional.empty(), SqlFailures.sqlCause(new PersistenceException("no database involved")));
    }

    @Test
    void aUniqueViolationIsTheSameStateOnBothDatabases() {
        assertTrue(SqlFailures.isUniqueViolation(new SQLException("Unique index or primary key violation", "23505")));
        assertFalse(SqlFailures.isUniqueViolation(new SQLException("NULL not allowed", "23502")));
    }

    @Test
    void aCheckViolationIsKnownByEachDatabasesOwnState() {
        assertTrue(SqlFailures.isCheckViolation(new SQLException("new row violates check constraint", "23514")));
        assertTrue(SqlFailures.isCheckViolation(new SQLException("Check constraint violation", "23513")));
        assertFalse(SqlFailures.isCheckViolation(new SQLException("duplicate key", "23505")));
    }

    @Test
    void aBatchReportsItsRealCauseAsTheNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertTrue(SqlFailures.isUniqueViolation(batch));
    }

    @Test
    void lockTimeoutsAndDeadlocksOfBothDatabasesAreContention() {
        assertTrue(SqlFailures.isLockContention(new SQLException("Timeout trying to lock table", "HYT00")));
        assertTrue(SqlFailures.isLockContention(new SQLException("Deadlock detected", "40001")));
        assertTrue(SqlFailures.isLockContention(new SQLException("deadlock detected", "40P01")));
        assertTrue(SqlFailures.isLockContention(new SQLException("canceling statement due to lock timeout", "55P03")));
        assertFalse(SqlFailures.isLockContention(new SQLException("duplicate key", "23505")));
    }

    @Test
    void lostConnectionsAndClosedDatabasesAreConnectionFailures() {
        assertTrue(SqlFailures.isConnectionFailure(new SQLException("Connection refused", "08001")));
        assertTrue(SqlFailures.isConnectionFailure(new SQLException("An I/O error occurred", "08006")));
        assertTrue(SqlFailures.isConnectionFailure(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(SqlFailures.isConnectionFailure(new SQLException("Database is already closed", "90121")));
        assertFalse(SqlFailures.isConnectionFailure(new SQLException("Timeout trying to lock table", "HYT00")));
        assertFalse(SqlFailures.isConnectionFailure(new SQLException("no state")));
    }
}
