package io.annals.store.jpa;

import io.annals.core.store.AppendOutcomeUnknownException;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The child process of {@link OrderlyStopH2Test}: appends from several threads and, when asked to
 * stop (SIGTERM), lets them go on for a while from its shutdown hook, as an application lets the
 * requests in flight finish, before it closes the store. It prints {@code STOPPING} when the hook
 * starts and, for every append, {@code ACK}, {@code UNKNOWN} or {@code REFUSED} with the event id.
 */
public final class StoppingWriter {

    private static final int WRITERS = 4;
    /** How long appends go on after the signal; H2's own shutdown hook runs meanwhile. */
    private static final long DRAIN_MILLIS = 700;

    private static volatile boolean stopping;

    private StoppingWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandaloneStores stores = StandaloneStores.open(args[0], null, null);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(() -> appendUntilStopped(stores, "stopping-" + UUID.randomUUID()));
            writers.add(writer);
            writer.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drainAndClose(stores, writers)));
        print("READY");
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static void appendUntilStopped(StandaloneStores stores, String stream) {
        long version = 0;
        while (!stopping) {
            NewEvent event = new NewEvent(UUID.randomUUID(), "Written", 1, "{\"after\":" + version + "}", EventMetadata.EMPTY);
            try {
                version = stores.eventStore().append(stream, ExpectedVersion.of(version), List.of(event)).streamVersion();
                print("ACK " + event.eventId());
            } catch (AppendOutcomeUnknownException unknown) {
                print("UNKNOWN " + event.eventId() + " " + unknown.getMessage());
                return;
            } catch (RuntimeException refused) {
                print("REFUSED " + event.eventId() + " " + refused);
                return;
            }
        }
    }

    private static void drainAndClose(StandaloneStores stores, List<Thread> writers) {
        print("STOPPING");
        try {
            Thread.sleep(DRAIN_MILLIS);
            stopping = true;
            for (Thread writer : writers) {
                writer.join();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            stores.close();
            print("STOPPED");
        }
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
