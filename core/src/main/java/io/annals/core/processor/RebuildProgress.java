package io.annals.core.processor;

/**
 * How far a rebuild's replay has come: events replayed, the log's head it is chasing (it moves
 * while writes continue), and events replayed per second since the rebuild started.
 */
public record RebuildProgress(long done, long total, double rate) {
}
