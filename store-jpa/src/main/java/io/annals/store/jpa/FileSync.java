package io.annals.store.jpa;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Has a database file synced to the disk every second, where commits only reach the
 * operating system's cache (H2; {@link Dialect#fileToSync}). A batch is in the file before it is
 * acknowledged, but only this bounds what a crash of the machine can take, and it is what makes H2's
 * shorter chunk retention safe. The file is synced through a channel of its own, beside H2, whose
 * {@code CHECKPOINT SYNC} would hold its store (and so the writer) for the whole sync.
 *
 * <p>Every second, whoever wrote: H2's background compaction writes the file too, and the sync of an
 * unchanged file costs next to nothing. The thread is never interrupted (H2 closes a file whose
 * channel was interrupted); it ends within a second of {@link #close}.
 */
final class FileSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileSync.class.getName());

    private final Path file;
    private final long intervalMillis;
    private volatile boolean running = true;

    private FileSync(Path file, long intervalMillis) {
        this.file = file;
        this.intervalMillis = intervalMillis;
    }

    /** Starts syncing {@code file} every {@code intervalMillis} on a daemon thread from {@code threads}. */
    static FileSync start(Path file, long intervalMillis, ThreadFactory threads) {
        FileSync sync = new FileSync(file, intervalMillis);
        Thread thread = threads.newThread(sync::run);
        thread.setName("annals-file-sync");
        thread.setDaemon(true);
        thread.start();
        return sync;
    }

    @Override
    public void close() {
        running = false;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException interrupted) {
                return;
            }
            if (running) {
                sync();
            }
        }
    }

    /** A channel per sync: nothing is left open when a sync fails, and a replaced file is still found. */
    private void sync() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException failed) {
            if (running) {
                LOG.log(Level.WARNING, "could not sync " + file + "; retrying in a second", failed);
            }
        }
    }
}
