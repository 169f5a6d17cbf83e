package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.store.EventMetadata;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    private static final String WRITE_DELAY = setting("WRITE_DELAY");
    private static final String RETENTION_TIME = setting("RETENTION_TIME");
    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 1_500;
    private static final Duration SHRINK_LIMIT = Duration.ofSeconds(40);

    @Test
    void theStoreRunsH2WithAWriteDelayThatLaterConnectionsKeep() {
        try (TestDatabase.H2 database = (TestDatabase.H2) TestDatabase.h2();
             StandaloneStores stores = database.openStores(JpaEventStoreSettings.defaults())) {
            stores.eventStore().append("account-" + UUID.randomUUID(), ExpectedVersion.NO_STREAM,
                    List.of(new NewEvent(UUID.randomUUID(), "MoneyDeposited", 1, "{\"amount\":1.00}", EventMetadata.EMPTY)));

            // read on a connection of its own, opened with the recommended URL after the writer's
            assertEquals(Dialect.WRITE_DELAY_MILLIS, database.queryLong(WRITE_DELAY));
            assertEquals(Dialect.RETENTION_MILLIS, database.queryLong(RETENTION_TIME));
        }
    }

    /**
     * Every batch is a chunk of its own in the file, so a burst of small appends leaves a file far
     * larger than its data. With H2's default retention (45 s) none of it is compacted until the
     * burst is 45 s old, and under a steady stream of appends never; with the store's it shrinks soon
     * after the burst.
     */
    @Test
    void theFileShrinksSoonAfterABurstOfSmallAppends() throws Exception {
        try (TestDatabase.H2 database = (TestDatabase.H2) TestDatabase.h2();
             StandaloneStores stores = database.openStores(JpaEventStoreSettings.defaults())) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    done.add(writers.submit(() -> appendOneByOne(stores, "account-" + UUID.randomUUID())));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdownNow();
            }
            Path file = database.directory().resolve("annals.mv.db");
            long afterBurst = size(file);
            long deadline = System.nanoTime() + SHRINK_LIMIT.toNanos();
            long now = afterBurst;
            while (now > afterBurst / 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                now = size(file);
            }
            assertTrue(now <= afterBurst / 2, "the file was " + afterBurst + " bytes after the burst and still "
                    + now + " bytes " + SHRINK_LIMIT.toSeconds() + " s later");
        }
    }

    private static void appendOneByOne(StandaloneStores stores, String stream) {
        for (int version = 0; version < APPENDS_PER_WRITER; version++) {
            stores.eventStore().append(stream, version == 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(version),
                    List.of(new NewEvent(UUID.randomUUID(), "MoneyDeposited", 1, "{\"amount\":1.00}", EventMetadata.EMPTY)));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(String name) {
        return "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'";
    }
}
