package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.aggregate.EventSourcedRepository;
import io.annals.core.event.EventSerializer;
import io.annals.core.event.EventTypeRegistry;
import io.annals.core.event.UnknownEventTypeException;
import io.annals.core.event.UnsupportedSchemaVersionException;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Core's serializer and repository on the JPA store: logical type names, upcasting of rows written
 * in an old shape, loud failures for unknown types and future schema versions, snapshots taken by
 * the repository and ignored when unreadable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CoreOnJpaScenarios {

    private static final String AUTOSTART = "annals.processors.autostart";

    private TestDatabase database;
    private StandaloneStores stores;
    private WeldContainer container;
    private EventSerializer serializer;
    private Tallies tallies;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open() {
        database = createDatabase();
        stores = database.openStores(JpaEventStoreSettings.defaults());
    }

    @BeforeEach
    void startContainer() {
        System.setProperty(AUTOSTART, "false");
        StoresForWeld.current = stores;
        container = startWeld();
        // an application's aggregates declare their event types; this one stands alone, so name it
        container.select(EventTypeRegistry.class).get().register(ItemRenamed.class);
        serializer = container.select(EventSerializer.class).get();
        tallies = container.select(Tallies.class).get();
    }

    private WeldContainer startWeld() {
        return AnnalsWeld.weld(StoresForWeld.class, Tallies.class, ItemRenamedUpcaster.class, TallyTotals.class,
                TallyLedger.class).initialize();
    }

    /** A new process's view: the repository's kept states are gone, so loads read the snapshot table. */
    private void restartContainer() {
        container.close();
        startContainer();
    }

    @AfterEach
    void stopContainer() {
        container.close();
        System.clearProperty(AUTOSTART);
    }

    @AfterAll
    void close() {
        stores.close();
        database.close();
    }

    @Test
    void eventsAreStoredUnderTheirLogicalNameAndCurrentSchemaVersion() {
        String stream = "item-" + UUID.randomUUID();
        ItemRenamed renamed = new ItemRenamed("i-1", "Sword");
        stores.eventStore().append(stream, ExpectedVersion.NO_STREAM, List.of(serializer.toNewEvent(renamed, EventMetadata.EMPTY)));

        StoredEvent stored = stores.eventStore().readStream(stream, 1).get(0);
        assertEquals("ItemRenamed", stored.type());
        assertEquals(2, stored.schemaVersion());
        assertEquals(renamed, serializer.payloadOf(stored));
    }

    @Test
    void anOldShapeWrittenWithSqlIsUpcastOnReadAndStaysUnchangedInTheTable() throws SQLException {
        String stream = "item-" + UUID.randomUUID();
        String oldShape = "{\"item\":\"i-7\",\"name\":\"Shield\"}";
        appendWithSql(stream, "ItemRenamed", 1, oldShape);

        StoredEvent stored = stores.eventStore().readStream(stream, 1).get(0);
        assertEquals(new ItemRenamed("i-7", "Shield"), serializer.payloadOf(stored));
        assertEquals(oldShape, stored.data());
        assertEquals(1, stored.schemaVersion());
        assertEquals(oldShape, stores.eventStore().readStream(stream, 1).get(0).data(), "reading rewrote nothing");
    }

    @Test
    void aSchemaVersionNewerThanTheCodeFailsLoudly() throws SQLException {
        String stream = "item-" + UUID.randomUUID();
        appendWithSql(stream, "ItemRenamed", 3, "{\"itemId\":\"i-1\",\"newName\":\"Bow\",\"colour\":\"red\"}");

        StoredEvent stored = stores.eventStore().readStream(stream, 1).get(0);
        UnsupportedSchemaVersionException failure = assertThrows(UnsupportedSchemaVersionException.class,
                () -> serializer.payloadOf(stored));
        assertTrue(failure.getMessage().contains("ItemRenamed"), failure.getMessage());
    }

    @Test
    void anUnknownTypeFailsClearlyAndNoClassIsLoadedByItsName() throws SQLException {
        String stream = "item-" + UUID.randomUUID();
        appendWithSql(stream, "Vanished", 1, "{}");
        appendWithSql(stream, "java.lang.String", 1, "\"a class name is not a type name\"");

        List<StoredEvent> stored = stores.eventStore().readStream(stream, 1);
        UnknownEventTypeException vanished = assertThrows(UnknownEventTypeException.class,
                () -> serializer.payloadOf(stored.get(0)));
        assertTrue(vanished.getMessage().contains("'Vanished'"), vanished.getMessage());
        assertThrows(UnknownEventTypeException.class, () -> serializer.envelopeOf(stored.get(1)));
    }

    @Test
    void anAggregateLoadsFromItsLatestSnapshotPlusTheEventsAfterIt() throws Exception {
        String id = UUID.randomUUID().toString();
        storeTally(id, 1, 2, 3);
        awaitSnapshotAt(id, 2);
        setSnapshotPayload(id, "{\"total\":1000}");
        restartContainer();

        assertEquals(1003, tallies.load(id).total(), "the snapshot's 1000 plus the third event");
        assertEquals(3, tallies.load(id).version());
    }

    @Test
    void aCorruptedSnapshotIsIgnoredWithAWarningAndTheAggregateLoadsFromItsEvents() throws Exception {
        String id = UUID.randomUUID().toString();
        storeTally(id, 1, 2, 3);
        awaitSnapshotAt(id, 2);
        setSnapshotPayload(id, "{ this is not json");
        restartContainer();
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger repositoryLog = Logger.getLogger(EventSourcedRepository.class.getName());
        repositoryLog.addHandler(capture);
        try {
            Tally loaded = tallies.load(id);

            assertEquals(6, loaded.total());
            assertEquals(3, loaded.version());
        } finally {
            repositoryLog.removeHandler(capture);
        }
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("tally-" + id), warnings.get(0).getMessage());
        assertInstanceOf(RuntimeException.class, warnings.get(0).getThrown());
    }

    @Test
    void aRestartedProjectionResumesAfterItsDurableCheckpoint() {
        String id = UUID.randomUUID().toString();
        storeTally(id, 1, 2, 3);
        container.select(ProcessorRuntime.class).get().awaitIdle(Duration.ofSeconds(30));
        assertEquals(3, TallyTotals.APPLIED.get("tally-" + id));
        long checkpoint = stores.checkpointStore().position("tally-totals");
        assertEquals(stores.eventStore().headPosition(), checkpoint);

        container.close();
        container = startWeld();
        Tallies restarted = container.select(Tallies.class).get();
        Tally tally = restarted.load(id);
        tally.add(4);
        restarted.save(tally);
        container.select(ProcessorRuntime.class).get().awaitIdle(Duration.ofSeconds(30));

        assertEquals(4, TallyTotals.APPLIED.get("tally-" + id), "only the new event was applied after the restart");
        assertTrue(stores.checkpointStore().position("tally-totals") > checkpoint);
    }

    @Test
    void whatAProjectionCollectsIsWrittenOncePerCheckpointCommit() {
        String id = UUID.randomUUID().toString();
        storeTally(id, 1, 2, 3);

        container.select(ProcessorRuntime.class).get().awaitIdle(Duration.ofSeconds(30));

        List<String> ours = List.of("tally-" + id + "@1", "tally-" + id + "@2", "tally-" + id + "@3");
        List<List<String>> writesWithOurs = TallyLedger.WRITES.stream()
                .filter(lines -> lines.stream().anyMatch(ours::contains)).toList();
        assertEquals(1, writesWithOurs.size(), "one write for the batch: " + TallyLedger.WRITES);
        assertTrue(writesWithOurs.get(0).containsAll(ours), writesWithOurs.toString());
        assertEquals(stores.eventStore().headPosition(), stores.checkpointStore().position("tally-ledger"));
    }

    /** Two events in one save (a snapshot at version 2), then one more (no snapshot at 3). */
    private void storeTally(String id, int first, int second, int third) {
        Tally tally = tallies.create(id);
        tally.add(first);
        tally.add(second);
        tallies.save(tally);
        Tally again = tallies.load(id);
        again.add(third);
        tallies.save(again);
    }

    private void awaitSnapshotAt(String id, long version) throws InterruptedException {
        JpaStoreScenarios.waitUntil(() -> stores.eventStore().latestSnapshot("tally-" + id)
                .filter(snapshot -> snapshot.version() == version).isPresent());
    }

    private void setSnapshotPayload(String id, String payload) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement update = connection.prepareStatement("UPDATE annals_snapshots SET payload = ? WHERE stream_id = ?")) {
            update.setString(1, payload);
            update.setString(2, "tally-" + id);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** Appends one event with plain SQL the way the writer does: under the log lock, moving head and counter. */
    private void appendWithSql(String stream, String type, int schemaVersion, String json) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            long position;
            try (PreparedStatement lock = connection.prepareStatement("SELECT last_position FROM annals_log WHERE id = 1 FOR UPDATE");
                 ResultSet row = lock.executeQuery()) {
                row.next();
                position = row.getLong(1) + 1;
            }
            long version = stores.eventStore().streamVersion(stream) + 1;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO annals_events (global_position, "
                    + "stream_id, stream_version, event_id, event_type, schema_version, payload, metadata, occurred_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, '{}', CURRENT_TIMESTAMP)")) {
                insert.setLong(1, position);
                insert.setString(2, stream);
                insert.setLong(3, version);
                insert.setObject(4, UUID.randomUUID());
                insert.setString(5, type);
                insert.setInt(6, schemaVersion);
                insert.setString(7, json);
                insert.executeUpdate();
            }
            String head = version == 1 ? "INSERT INTO annals_streams (version, stream_id) VALUES (?, ?)"
                    : "UPDATE annals_streams SET version = ? WHERE stream_id = ?";
            try (PreparedStatement moveHead = connection.prepareStatement(head);
                 PreparedStatement moveLog = connection.prepareStatement("UPDATE annals_log SET last_position = ? WHERE id = 1")) {
                moveHead.setLong(1, version);
                moveHead.setString(2, stream);
                moveHead.executeUpdate();
                moveLog.setLong(1, position);
                moveLog.executeUpdate();
            }
            connection.commit();
        }
    }
}
