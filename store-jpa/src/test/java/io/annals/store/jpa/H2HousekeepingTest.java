package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.store.EventMetadata;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store keeps H2's housekeeping running. A write delay above zero is what starts H2's background
 * thread, which rewrites the live pages of sparse chunks so that the file's space is reused; with
 * {@code WRITE_DELAY=0} nothing was ever compacted and HTTP deposits grew the file by about 15 KB per
 * event without bound. The writer flushes its own batches, so acknowledged appends still survive a
 * killed process ({@link WriterKilledH2Test}). H2 applies URL settings on every new connection, so
 * the recommended URL must not turn the delay off again.
 */
class H2HousekeepingTest {

    private static final String WRITE_DELAY =
            "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'";

    @Test
    void theStoreRunsH2WithAWriteDelayThatLaterConnectionsKeep() {
        try (TestDatabase.H2 database = (TestDatabase.H2) TestDatabase.h2();
             StandaloneStores stores = database.openStores(JpaEventStoreSettings.defaults())) {
            stores.eventStore().append("account-" + UUID.randomUUID(), ExpectedVersion.NO_STREAM,
                    List.of(new NewEvent(UUID.randomUUID(), "MoneyDeposited", 1, "{\"amount\":1.00}", EventMetadata.EMPTY)));

            // read on a connection of its own, opened with the recommended URL after the writer's
            assertEquals(Dialect.WRITE_DELAY_MILLIS, database.queryLong(WRITE_DELAY));
        }
    }
}
