package io.annals.benchmarks;

import io.annals.core.event.EventSerializer;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.store.jpa.StandaloneStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * P7: rebuilding {@link TallyLedger} over 100,000 events with {@link ProcessorRuntime#rebuild}, against
 * raw JDBC reading the same events page by page and batch-inserting one row per event, a commit per
 * page, in the same run. Runs alternate; the rebuild is driven on this thread (autostart off).
 */
final class RebuildCase {

    private static final int EVENTS = 100_000;
    private static final int STREAMS = 1_000;
    private static final int PAGE = 1_000;
    private static final int RUNS = 3;
    private static final String AUTOSTART = "annals.processors.autostart";
    /** The processors' batch: as many events per checkpoint commit as the baseline commits per page. */
    private static final String BATCH_SIZE = "annals.processors.batch-size";

    private final String databaseKind;

    RebuildCase(String databaseKind) {
        this.databaseKind = databaseKind;
    }

    void run(Report report) throws Exception {
        System.setProperty(AUTOSTART, "false");
        System.setProperty(BATCH_SIZE, Integer.toString(PAGE));
        try (Database database = Database.create(databaseKind);
             StandaloneStores stores = StandaloneStores.open(database.url(), null, null);
             Connection raw = database.connect()) {
            try (Connection db = database.connect()) {
                TallyLedger.createTables(db);
                try (Statement statement = db.createStatement()) {
                    statement.execute("CREATE TABLE raw_ledger (global_position BIGINT PRIMARY KEY, "
                            + "stream_id VARCHAR(200) NOT NULL, stream_version BIGINT NOT NULL, amount BIGINT NOT NULL)");
                }
            }
            StoreUnderTest.use(stores);
            try (WeldContainer container = new Weld().addExtension(new WithoutContainerGlue())
                    .addBeanClass(TallyLedger.class).initialize()) {
                prepare(stores.eventStore(), container.select(EventSerializer.class).get());
                ProcessorRuntime processors = container.select(ProcessorRuntime.class).get();
                processors.awaitIdle();
                raw.setAutoCommit(false);
                double[] rebuildRates = new double[RUNS];
                double[] rawRates = new double[RUNS];
                double[] ratios = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    rawRates[run] = EVENTS / seconds(() -> readAndInsert(raw));
                    rebuildRates[run] = EVENTS / seconds(() -> {
                        processors.rebuild(TallyLedger.NAME);
                        processors.awaitIdle();
                    });
                    ratios[run] = rebuildRates[run] / rawRates[run];
                    checkRows(raw, container.select(TallyLedger.class).get().liveTable());
                }
                Arrays.sort(ratios);
                Arrays.sort(rebuildRates);
                Arrays.sort(rawRates);
                double ratio = ratios[RUNS / 2];
                report.row("P7", "rebuild a table read model, 100,000 events (" + databaseKind + ")",
                        Report.ops(rebuildRates[RUNS / 2]), Report.ops(rawRates[RUNS / 2]) + " raw read + batch insert",
                        Report.ratio(ratio), "≥ 0.50×", Report.verdict(ratio >= 0.5));
            }
        } finally {
            System.clearProperty(AUTOSTART);
            System.clearProperty(BATCH_SIZE);
        }
    }

    /** 100 events in each of 1,000 streams, appended a stream at a time. */
    private static void prepare(EventStore store, EventSerializer serializer) {
        EventMetadata metadata = new EventMetadata("bench", null, null, null);
        for (int stream = 0; stream < STREAMS; stream++) {
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < EVENTS / STREAMS; i++) {
                events.add(serializer.toNewEvent(new TallyEvent.TallyAdded(i), metadata));
            }
            store.append("ledger-" + stream, ExpectedVersion.NO_STREAM, events);
        }
    }

    /** The baseline: the log read a page at a time, one row per event batch-inserted, a commit per page. */
    private static void readAndInsert(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("DELETE FROM raw_ledger");
        }
        db.commit();
        try (PreparedStatement read = db.prepareStatement("SELECT global_position, stream_id, stream_version, payload "
                + "FROM annals_events WHERE global_position > ? ORDER BY global_position LIMIT " + PAGE);
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO raw_ledger (global_position, stream_id, stream_version, amount) VALUES (?, ?, ?, ?)")) {
            long after = 0;
            for (int rows = PAGE; rows == PAGE; ) {
                read.setLong(1, after);
                rows = 0;
                try (ResultSet page = read.executeQuery()) {
                    while (page.next()) {
                        after = page.getLong(1);
                        insert.setLong(1, after);
                        insert.setString(2, page.getString(2));
                        insert.setLong(3, page.getLong(3));
                        insert.setLong(4, amountOf(page.getString(4)));
                        insert.addBatch();
                        rows++;
                    }
                }
                if (rows > 0) {
                    insert.executeBatch();
                }
                db.commit();
            }
        }
    }

    /** The amount of {@code {"amount":N}}, read without a JSON library, as raw code would. */
    private static long amountOf(String payload) {
        return Long.parseLong(payload.substring(payload.indexOf(':') + 1, payload.indexOf('}')).trim());
    }

    private static void checkRows(Connection db, String table) throws SQLException {
        for (String counted : List.of(table, "raw_ledger")) {
            try (Statement statement = db.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + counted)) {
                count.next();
                if (count.getLong(1) != EVENTS) {
                    throw new IllegalStateException(counted + " holds " + count.getLong(1) + " rows, not " + EVENTS);
                }
            }
            db.commit();
        }
    }

    @FunctionalInterface
    private interface Timed {
        void run() throws Exception;
    }

    private static double seconds(Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
