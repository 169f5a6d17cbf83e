package io.annals.core.processor;

/**
 * A processor's progress as the admin API shows it: its checkpoint, the log's head, how far behind
 * it is, its state, the last error it met (null when none), the rebuild's progress (null unless
 * {@link ProcessorState#REBUILDING}), how many deliveries failed since start, and which instance
 * holds its lease (null when it needs none: a processor with its checkpoint in memory, or no lease
 * store is configured).
 */
public record ProcessorStatus(String name, ProcessorKind kind, long position, long head, long lag,
                              ProcessorState state, String lastError, RebuildProgress progress,
                              long failures, String owner) {

    /** The same status during a rebuild. */
    public ProcessorStatus rebuilding(RebuildProgress rebuild) {
        return new ProcessorStatus(name, kind, position, head, lag, ProcessorState.REBUILDING, lastError, rebuild,
                failures, owner);
    }
}
