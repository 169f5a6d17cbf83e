package io.annals.store.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

/** The few statements that differ between the databases the store supports. */
enum Dialect {

    H2 {
        @Override
        void prepareWriterSession(Connection connection, Duration lockTimeout) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCK_TIMEOUT " + lockTimeout.toMillis());
            }
            // the writer's connection keeps the database open, so settings made here stay in force
            prepareDatabase(connection);
        }

        /**
         * Two database-wide settings, applied by the store itself so that no data source URL can
         * forget them (a reopened database starts from its defaults, so they are applied again):
         * <ul>
         * <li>{@code WRITE_DELAY 0}: H2 otherwise writes commits after a delay, and a killed process
         * loses appends it already acknowledged;</li>
         * <li>{@code OPTIMIZE_REUSE_RESULTS 0}: H2 otherwise hands a session the previous result of a
         * query it repeats when the table's modification counter has not moved, but the counter moves
         * when a row changes, not at commit. A read made between the writer's insert and its commit
         * then keeps answering the old value after the commit: a stream version read right after an
         * acknowledged append came back one behind in about one run in ten of the racing test.</li>
         * </ul>
         */
        @Override
        boolean movesTheCounterUnlocked() {
            return false;
        }

        @Override
        boolean writersTakeTurnsInProcess() {
            return true;
        }

        @Override
        String databaseIdentity(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet path = statement.executeQuery("SELECT DATABASE_PATH()")) {
                String file = path.next() ? path.getString(1) : null;
                return file != null ? file : connection.getMetaData().getURL();
            }
        }

        @Override
        void prepareDatabase(Connection connection) {
            apply(connection, "SET WRITE_DELAY 0", "a killed process can lose acknowledged appends");
            apply(connection, "SET OPTIMIZE_REUSE_RESULTS 0", "a read right after an append can return the state before it");
        }

        private void apply(Connection connection, String setting, String otherwise) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(setting);
            } catch (SQLException noAdminRights) {
                LOG.warning("could not " + setting + " on H2 (" + noAdminRights.getMessage() + "); without it "
                        + otherwise + ". Connect as an administrator, or put it in the URL.");
            }
        }
    },

    POSTGRESQL {
        @Override
        boolean runsStatementsTogether() {
            return true;
        }

        @Override
        boolean mergesHeads() {
            return true;
        }

        @Override
        boolean writesOnCallerThreads() {
            return true;
        }

        @Override
        void prepareWriterSession(Connection connection, Duration lockTimeout) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET lock_timeout = " + lockTimeout.toMillis());
            }
        }

        @Override
        void prepareDatabase(Connection connection) {
            // commits are durable and reads see every commit, unless an administrator turned that off
        }
    };

    private static final Logger LOG = Logger.getLogger(Dialect.class.getName());

    /** Whether the driver runs a prepared statement made of several statements in one round trip. */
    boolean runsStatementsTogether() {
        return false;
    }

    /**
     * Whether the writers of one database in this process must take turns rather than wait for each
     * other's row locks. On H2: a transaction that waited for the counter row's lock and was then
     * rolled back (a batch that failed) could put back the counter's value from before the other
     * writer's commit, leaving it behind committed events (seen with two stores on one database and
     * batches rolled back under load). An embedded H2 database is open in one process only, so
     * taking turns in the process means its writers never wait for each other's row locks.
     */
    boolean writersTakeTurnsInProcess() {
        return false;
    }

    /** What identifies the database across connections (its file), where writers take turns. */
    String databaseIdentity(Connection connection) throws SQLException {
        return connection.getMetaData().getURL();
    }

    /** Whether a batch moves its stream heads with MERGE statements (see {@link LogTables#moveHeads}). */
    boolean mergesHeads() {
        return false;
    }

    /**
     * Whether a batch may move the log counter with a guarded update without first locking its row
     * (see the writer's optimistic mode). Not on H2: an update that waited for another writer's lock
     * and is then rolled back can restore the counter's value from before that writer's commit,
     * leaving the counter behind committed events (seen with two instances under load).
     */
    boolean movesTheCounterUnlocked() {
        return true;
    }

    /**
     * Whether an idle writer's batch may be written on the appending thread. Not on H2: it writes
     * its files on the calling thread, and an interrupted caller (a cancelled request) would close
     * the database's file channel. PostgreSQL's driver talks over a socket, which an interrupt
     * leaves alone. Either way only the writer thread opens the connection, so it never joins a
     * caller's transaction.
     */
    boolean writesOnCallerThreads() {
        return false;
    }

    /** Settings of the writer's own session: how long it waits for another instance's batch. */
    abstract void prepareWriterSession(Connection connection, Duration lockTimeout) throws SQLException;

    /** Database-wide settings the store relies on, where the database has such settings. */
    abstract void prepareDatabase(Connection connection);

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("the event store supports H2 and PostgreSQL, not "
                + connection.getMetaData().getDatabaseProductName());
    }
}
