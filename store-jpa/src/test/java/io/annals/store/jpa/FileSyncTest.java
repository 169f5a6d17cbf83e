package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync thread's life: a daemon of its own that outlives failed syncs and ends soon after close. */
class FileSyncTest {

    private static final long INTERVAL_MILLIS = 20;

    private final List<Thread> started = new ArrayList<>();
    private final ThreadFactory threads = work -> {
        Thread thread = new Thread(work);
        started.add(thread);
        return thread;
    };

    @Test
    void syncsOnANamedDaemonThreadThatEndsSoonAfterClose(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("annals.mv.db"), "data");
        FileSync sync = FileSync.start(file, INTERVAL_MILLIS, threads);
        Thread thread = started.get(0);
        Thread.sleep(5 * INTERVAL_MILLIS);

        assertEquals("annals-file-sync", thread.getName());
        assertTrue(thread.isDaemon(), "a sync thread must not keep the JVM alive");
        assertTrue(thread.isAlive());

        sync.close();
        thread.join(10 * INTERVAL_MILLIS);
        assertFalse(thread.isAlive(), "the sync thread outlived its close");
    }

    @Test
    void aFileThatCannotBeSyncedIsTriedAgainRatherThanEndingTheThread(@TempDir Path directory) throws Exception {
        FileSync sync = FileSync.start(directory.resolve("not-there-yet.mv.db"), INTERVAL_MILLIS, threads);
        Thread thread = started.get(0);
        Thread.sleep(5 * INTERVAL_MILLIS);

        assertTrue(thread.isAlive(), "a failed sync ended the thread");

        sync.close();
        thread.join(10 * INTERVAL_MILLIS);
        assertFalse(thread.isAlive());
    }
}
