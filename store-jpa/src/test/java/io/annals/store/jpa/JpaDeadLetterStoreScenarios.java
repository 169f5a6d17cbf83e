package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.processor.DeadLetter;
import io.annals.core.processor.DeadLetterState;
import io.annals.core.processor.DeadLetterStore;
import io.annals.core.store.EventStoreException;
import io.annals.core.testing.DeadLetterStoreContract;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Core's dead-letter store contract on {@link JpaDeadLetterStore}, plus what the table adds: an entry
 * commits or rolls back with the checkpoint it was parked with, at most one parked entry per
 * processor and event, and entries parked before the schema upgrade stay parked after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaDeadLetterStoreScenarios extends DeadLetterStoreContract {

    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");

    private TestDatabase database;
    private StandaloneStores stores;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open() {
        database = createDatabase();
        stores = database.openStores(JpaEventStoreSettings.defaults());
    }

    @BeforeEach
    void empty() {
        database.execute("DELETE FROM annals_dead_letters");
    }

    @AfterAll
    void close() {
        stores.close();
        database.close();
    }

    @Override
    protected DeadLetterStore store() {
        return stores.deadLetterStore();
    }

    private static DeadLetter letter(String processor, UUID eventId) {
        return DeadLetter.parked(processor, eventId, 7, "boom", 3, AT);
    }

    @Test
    void anEntryIsParkedWithTheCheckpointThatPassesItsEventOrNotAtAll() {
        String processor = "parking-" + UUID.randomUUID();
        DeadLetter kept = letter(processor, UUID.randomUUID());
        DeadLetter rolledBack = letter(processor, UUID.randomUUID());

        stores.checkpointStore().commit(processor, 7, () -> store().park(kept));
        assertThrows(IllegalStateException.class, () -> stores.checkpointStore().commit(processor, 8, () -> {
            store().park(rolledBack);
            throw new IllegalStateException("the batch failed after parking");
        }));

        assertEquals(7, stores.checkpointStore().position(processor));
        assertEquals(List.of(kept), store().parked());
        assertTrue(store().find(rolledBack.id()).isEmpty(), "parked in the transaction that rolled back");
    }

    @Test
    void aProcessorHasAtMostOneUnresolvedEntryPerEvent() {
        UUID event = UUID.randomUUID();
        store().park(letter("accounts", event));

        assertThrows(EventStoreException.class, () -> store().park(letter("accounts", event)));
        store().park(letter("heroes", event));
        assertEquals(2, store().parked().size(), "another processor parks the same event on its own");
    }

    @Test
    void timesKeepMicroseconds() {
        DeadLetter letter = letter("accounts", UUID.randomUUID());
        store().park(letter);
        Instant resolved = AT.plusNanos(1_000);

        store().update(letter.resolved(DeadLetterState.SUPERSEDED, resolved));

        DeadLetter found = store().find(letter.id()).orElseThrow();
        assertEquals(AT, found.parkedAt());
        assertEquals(resolved, found.resolvedAt());
    }

    @Test
    void anEntryParkedBeforeTheUpgradeIsStillParkedAfterIt() {
        try (TestDatabase old = createDatabase()) {
            Flyway.configure(AnnalsSchema.class.getClassLoader()).dataSource(new DriverManagerDataSource(old.url(), null, null))
                    .locations(AnnalsSchema.LOCATION).table(AnnalsSchema.HISTORY_TABLE).target("1").load().migrate();
            UUID id = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            old.execute("INSERT INTO annals_dead_letters (id, processor, event_id, global_position, error, attempts, parked_at) "
                    + "VALUES ('" + id + "', 'accounts', '" + event + "', 12, 'boom', 10, CURRENT_TIMESTAMP)");

            try (StandaloneStores upgraded = old.openStores(JpaEventStoreSettings.defaults())) {
                DeadLetter parked = upgraded.deadLetterStore().find(id).orElseThrow();
                assertEquals(DeadLetterState.PARKED, parked.state());
                assertEquals(event, parked.eventId());
                assertEquals(10, parked.attempts());
                assertEquals(List.of(parked), upgraded.deadLetterStore().parked());
                upgraded.deadLetterStore().update(parked.resolved(DeadLetterState.RETRIED, AT));
                upgraded.deadLetterStore().park(letter("accounts", event));
                assertEquals(1, upgraded.deadLetterStore().parked().size(), "parked again once resolved");
            }
        }
    }
}
