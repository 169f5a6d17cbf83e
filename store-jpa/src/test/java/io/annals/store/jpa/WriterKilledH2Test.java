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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged append survives the process being killed (SIGKILL) on embedded H2 with the
 * recommended URL: a child JVM appends and prints each acknowledgement, is killed mid-stream, and
 * every acknowledged event is found after the database is opened again.
 */
class WriterKilledH2Test {

    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 250;

    @Test
    void everyAcknowledgedAppendSurvivesTheProcessBeingKilled() throws Exception {
        try (TestDatabase.H2 database = (TestDatabase.H2) TestDatabase.h2()) {
            Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
            Path childLog = Files.createTempFile("annals-killable-", ".log");
            Process child = ChildJvm.running(KillableWriter.class, database.url())
                    .redirectError(childLog.toFile())
                    .start();
            CountDownLatch enough = new CountDownLatch(ACKNOWLEDGEMENTS_BEFORE_KILL);
            Thread reader = new Thread(() -> readAcknowledgements(child, acknowledged, enough));
            reader.start();
            try {
                assertTrue(enough.await(90, TimeUnit.SECONDS), "the child acknowledged too few appends; its log: "
                        + Files.readString(childLog));
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                reader.join(TimeUnit.SECONDS.toMillis(30));
                Files.deleteIfExists(childLog);
            }

            try (StandaloneStores reopened = database.openStores(JpaEventStoreSettings.defaults())) {
                List<StoredEvent> log = readWholeLog(reopened);
                Map<UUID, StoredEvent> byId = new HashMap<>();
                log.forEach(event -> byId.put(event.eventId(), event));
                List<UUID> lost = acknowledged.stream().filter(id -> !byId.containsKey(id)).toList();
                assertEquals(List.of(), lost, "acknowledged events lost when the process was killed");
                for (int i = 0; i < log.size(); i++) {
                    assertEquals(i + 1, log.get(i).position(), "the log has no hole after the kill");
                }
                assertTrue(acknowledged.size() >= ACKNOWLEDGEMENTS_BEFORE_KILL);
            }
        }
    }

    private static void readAcknowledgements(Process child, Set<UUID> acknowledged, CountDownLatch enough) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(UUID.fromString(line.substring(4).trim()));
                    enough.countDown();
                }
            }
        } catch (IOException | IllegalArgumentException endOfChild) {
            // the child was killed mid-line: that acknowledgement was not complete
        }
    }

    private static List<StoredEvent> readWholeLog(StandaloneStores stores) {
        List<StoredEvent> log = new ArrayList<>();
        for (List<StoredEvent> page = stores.eventStore().readAll(0, 500); !page.isEmpty();
             page = stores.eventStore().readAll(page.get(page.size() - 1).position(), 500)) {
            log.addAll(page);
        }
        return log;
    }
}
