package io.annals.store.jpa;

import java.nio.file.Path;
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
        boolean prepareWriterSession(Connection connection, Duration lockTimeout) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCK_TIMEOUT " + lockTimeout.toMillis());
            }
            // the writer's connection keeps the database open, so settings made here stay in force
            return prepareDatabase(connection);
        }

        /**
         * Three database-wide settings, applied by the store itself so that no data source URL can
         * forget them (a reopened database starts from its defaults, so they are applied again):
         * <ul>
         * <li>{@code WRITE_DELAY} above zero: H2 then runs its background thread, which rewrites the
         * live pages of sparse file chunks so that space is reused. With {@code WRITE_DELAY 0} every
         * commit is written at once but nothing is ever compacted, and the file grew by about 15 KB
         * per appended event without bound. Commits then reach the file within the delay, and the
         * writer writes each batch before acknowledging it ({@link #flushCommitted});</li>
         * <li>{@code RETENTION_TIME} of 10 s ({@link #RETENTION_MILLIS}) instead of H2's 45 s: H2 does not
         * overwrite a chunk written more recently than that, so that a crash of the machine cannot take
         * a chunk the file still needs; 45 s is H2's guess at how long the operating system may hold
         * writes back. Under a stream of small commits the file then grew by several KB per event and
         * never shrank (4 GB for 500,000 HTTP deposits, unchanged after a minute idle), because every
         * chunk of the last 45 s is out of reach of the compaction. The writer syncs the file every second
         * ({@link #fileToSync}), which makes the shorter time safe;</li>
         * <li>{@code OPTIMIZE_REUSE_RESULTS 0}: H2 otherwise hands a session the previous result of a
         * query it repeats when the table's modification counter has not moved, but the counter moves
         * when a row changes, not at commit. A read made between the writer's insert and its commit
         * then keeps answering the old value after the commit: a stream version read right after an
         * acknowledged append came back one behind in about one run in ten of the racing test.</li>
         * </ul>
         *
         * @return whether the write delay is set, so that {@link #flushCommitted} is allowed and needed
         */
        @Override
        boolean prepareDatabase(Connection connection) {
            boolean delayed = apply(connection, "SET WRITE_DELAY " + WRITE_DELAY_MILLIS,
                    "H2 keeps the URL's write delay and the writer cannot flush its batches: a killed process can lose"
                            + " acknowledged appends, or with WRITE_DELAY=0 the file is never compacted");
            apply(connection, "SET RETENTION_TIME " + RETENTION_MILLIS,
                    "H2 keeps 45 s of old chunks out of reach of its compaction, and a busy file grows by several KB per event");
            apply(connection, "SET OPTIMIZE_REUSE_RESULTS 0", "a read right after an append can return the state before it");
            return delayed;
        }

        /** Writes every committed change to the file now ({@code CHECKPOINT}; administrators only, like the settings). */
        @Override
        void flushCommitted(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        }

        /** The database's file (an in-memory database has none), synced by {@link FileSync}. */
        @Override
        Path fileToSync(String databaseIdentity) {
            return databaseIdentity.startsWith("jdbc:") ? null : Path.of(databaseIdentity + ".mv.db");
        }

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

        private boolean apply(Connection connection, String setting, String otherwise) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(setting);
                return true;
            } catch (SQLException noAdminRights) {
                LOG.warning("could not " + setting + " on H2 (" + noAdminRights.getMessage() + "); without it "
                        + otherwise + ". Connect as an administrator.");
                return false;
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
        boolean prepareWriterSession(Connection connection, Duration lockTimeout) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET lock_timeout = " + lockTimeout.toMillis());
            }
            return false;
        }

        @Override
        boolean prepareDatabase(Connection connection) {
            // commits are durable and reads see every commit, unless an administrator turned that off
            return false;
        }
    };

    private static final Logger LOG = Logger.getLogger(Dialect.class.getName());
    /**
     * H2's write delay: how long a commit other than an append batch (a checkpoint, a read model)
     * may wait for the background thread to write it. H2's own default is 500 ms.
     */
    static final int WRITE_DELAY_MILLIS = 100;
    /** How long H2 keeps a chunk it wrote from being overwritten (see {@link #prepareDatabase}). */
    static final int RETENTION_MILLIS = 10_000;
    /** How often a writer whose batches only reach the file (H2) has the file synced to the disk. */
    static final int FILE_SYNC_MILLIS = 1_000;

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

    /**
     * Settings of the writer's own session (how long it waits for another instance's batch) and of
     * the database.
     *
     * @return whether the writer must {@link #flushCommitted} each batch before acknowledging it
     */
    abstract boolean prepareWriterSession(Connection connection, Duration lockTimeout) throws SQLException;

    /**
     * Database-wide settings the store relies on, where the database has such settings.
     *
     * @return whether commits reach the disk only once {@link #flushCommitted} is called
     */
    abstract boolean prepareDatabase(Connection connection);

    /** Makes what was committed durable, where a commit alone does not. */
    void flushCommitted(Connection connection) throws SQLException {
    }

    /**
     * The file to sync to the disk now and then, where neither a commit nor {@link #flushCommitted}
     * does; null if none.
     *
     * @param databaseIdentity what {@link #databaseIdentity} answered
     */
    Path fileToSync(String databaseIdentity) {
        return null;
    }

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
