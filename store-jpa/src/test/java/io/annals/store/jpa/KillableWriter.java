package io.annals.store.jpa;

import io.annals.core.store.EventMetadata;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The child process of {@link WriterKilledH2Test}: appends from several threads until it is killed,
 * printing {@code ACK <event id>} for every event only after its append returned.
 */
public final class KillableWriter {

    private KillableWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandaloneStores stores = StandaloneStores.open(args[0], null, null);
        System.out.println("READY");
        System.out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String stream = "killable-" + w + "-" + UUID.randomUUID();
            Thread writer = new Thread(() -> {
                long version = 0;
                while (true) {
                    NewEvent event = new NewEvent(UUID.randomUUID(), "Written", 1, "{\"after\":" + version + "}",
                            EventMetadata.EMPTY);
                    version = stores.eventStore().append(stream, ExpectedVersion.of(version), List.of(event)).streamVersion();
                    acknowledge(event.eventId());
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static synchronized void acknowledge(UUID eventId) {
        System.out.println("ACK " + eventId);
        System.out.flush();
    }
}
