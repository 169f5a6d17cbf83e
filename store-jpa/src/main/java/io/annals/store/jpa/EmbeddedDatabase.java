package io.annals.store.jpa;

import java.nio.file.Path;

/** The embedded H2 file database: the application's default, and the one tests and benchmarks use. */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /**
     * The recommended URL of an embedded H2 file database in {@code directory}:
     * <ul>
     * <li>no {@code WRITE_DELAY}: H2 applies URL settings on every new connection, and the store sets
     * the delay itself (the writer writes each batch to the file before acknowledging it, so a killed
     * process loses no confirmed append; H2 itself does not fsync, the writer has the file synced every
     * second, so a crash of the machine can lose about the last second of them);</li>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2 otherwise closes the database the moment the JVM is asked
     * to stop, under the requests an orderly stop still lets finish; a batch committed just then
     * could not be confirmed and its client was told the store was unavailable. H2's shutdown hook
     * still writes what was committed;</li>
     * <li>{@code LOCK_TIMEOUT}: how long a connection waits for a row lock before reporting a timeout.</li>
     * </ul>
     */
    public static String url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("annals") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }
}
