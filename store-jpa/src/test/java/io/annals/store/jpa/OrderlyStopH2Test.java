package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.store.StoredEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On embedded H2 with the recommended URL the store keeps working while its process stops in order
 * (SIGTERM): appends go on from the application's shutdown hook, each is acknowledged or refused,
 * none is left with an unknown outcome, and every acknowledged one is kept. H2 by default closes
 * the database from its own shutdown hook at once, cutting batches off between commit and flush.
 */
class OrderlyStopH2Test {

    private static final int ACKNOWLEDGEMENTS_BEFORE_STOP = 100;

    @Test
    void appendsInFlightWhenTheProcessIsStoppedAreAnsweredAndKept() throws Exception {
        try (TestDatabase.H2 database = (TestDatabase.H2) TestDatabase.h2()) {
            Path childLog = Files.createTempFile("annals-stopping-", ".log");
            Process child = ChildJvm.running(StoppingWriter.class, database.url()).redirectError(childLog.toFile()).start();
            // a child that hangs ends its output, so the reads below fail the test instead of waiting for ever
            CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(child::destroyForcibly);
            List<String> beforeStop = new ArrayList<>();
            List<String> afterStop = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("READY", lines.readLine(), () -> "the child did not start; its log: " + read(childLog));
                for (String line; beforeStop.size() < ACKNOWLEDGEMENTS_BEFORE_STOP && (line = lines.readLine()) != null; ) {
                    beforeStop.add(line);
                }
                child.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
                List<String> target = beforeStop;
                for (String line; (line = lines.readLine()) != null; ) {
                    target = line.equals("STOPPING") ? afterStop : target;
                    target.add(line);
                }
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not stop");
            } finally {
                child.destroyForcibly();
                Files.deleteIfExists(childLog);
            }

            List<String> all = new ArrayList<>(beforeStop);
            all.addAll(afterStop);
            assertEquals(List.of(), all.stream().filter(line -> line.startsWith("UNKNOWN") || line.startsWith("REFUSED")).toList(),
                    "every append in flight during the stop is answered");
            assertTrue(afterStop.stream().anyMatch(line -> line.startsWith("ACK ")), "appends went on after the signal: " + afterStop);
            assertEquals("STOPPED", afterStop.get(afterStop.size() - 1), "the child closed its stores");
            Set<UUID> acknowledged = all.stream().filter(line -> line.startsWith("ACK "))
                    .map(line -> UUID.fromString(line.substring(4))).collect(Collectors.toSet());
            try (StandaloneStores reopened = database.openStores(JpaEventStoreSettings.defaults())) {
                Set<UUID> kept = reopened.eventStore().readAll(0, acknowledged.size() + 100).stream()
                        .map(StoredEvent::eventId).collect(Collectors.toSet());
                assertEquals(acknowledged, kept, "exactly the acknowledged appends are kept");
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
        }
    }
}
