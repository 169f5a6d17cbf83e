package io.annals.benchmarks;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.CheckpointBatch;
import io.annals.core.processor.EventHandler;
import io.annals.core.processor.Projection;
import io.annals.core.processor.RebuildScope;
import io.annals.core.processor.RebuildableProjection;
import io.annals.store.jpa.Transactions;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * P7's projection: a database read model of one row per tally addition, written in the checkpoint's
 * transaction (through the stores' {@link Transactions}, which the checkpoint commit has open) and
 * once per batch ({@link CheckpointBatch}). It keeps two tables: queries read the live one; a
 * rebuild fills the other and switches in the commit that moves the checkpoint. Not a bean of
 * its own: only the rebuild case's container adds it.
 */
@Projection(TallyLedger.NAME)
class TallyLedger implements RebuildableProjection {

    static final String NAME = "tally-ledger";
    static final List<String> TABLES = List.of("bench_ledger_a", "bench_ledger_b");

    @Inject
    Transactions transactions;

    private volatile String live = TABLES.get(0);

    /** The tables, created empty. */
    static void createTables(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String table : TABLES) {
                statement.execute("CREATE TABLE " + table + " (global_position BIGINT PRIMARY KEY, "
                        + "stream_id VARCHAR(200) NOT NULL, stream_version BIGINT NOT NULL, amount BIGINT NOT NULL)");
            }
        }
    }

    String liveTable() {
        return live;
    }

    @EventHandler
    void added(TallyEvent.TallyAdded added, EventEnvelope<TallyEvent.TallyAdded> event) {
        String table = RebuildScope.isActive() ? other() : live;
        CheckpointBatch.collect(table, new Row(event.position(), event.streamId(), event.version(), added.amount()),
                rows -> insert(table, rows));
    }

    @Override
    public void startRebuild() {
        String target = other();
        transactions.inTransaction(em -> {
            run(em.unwrap(Connection.class), "DELETE FROM " + target);
            return null;
        });
    }

    @Override
    public void switchToRebuilt() {
        live = other();
    }

    @Override
    public void abandonRebuild() {
        // the other table is emptied when the next rebuild starts
    }

    private String other() {
        return live.equals(TABLES.get(0)) ? TABLES.get(1) : TABLES.get(0);
    }

    private void insert(String table, List<Row> rows) {
        transactions.inTransaction(em -> {
            Connection db = em.unwrap(Connection.class);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + table
                    + " (global_position, stream_id, stream_version, amount) VALUES (?, ?, ?, ?)")) {
                for (Row row : rows) {
                    insert.setLong(1, row.position);
                    insert.setString(2, row.streamId);
                    insert.setLong(3, row.version);
                    insert.setLong(4, row.amount);
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException failure) {
                throw new IllegalStateException("the ledger refused " + rows.size() + " rows: " + failure.getMessage(), failure);
            }
            return null;
        });
    }

    private static void run(Connection db, String sql) {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " failed: " + failure.getMessage(), failure);
        }
    }

    private record Row(long position, String streamId, long version, long amount) {
    }
}
