package io.annals.core.context;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * One dispatch's mutable bookkeeping: which stream the caller's pinned version applies to (the first
 * one loaded) and whether an append has already carried the command id (only the first does).
 * Confined to the thread running the dispatch.
 */
public final class DispatchState {

    private final AsyncContext context;
    private final DispatchOptions options;
    private String pinnedStream;
    private boolean commandIdClaimed;
    private boolean commandIdStored;

    public DispatchState(AsyncContext context, DispatchOptions options) {
        this.context = context;
        this.options = options == null ? DispatchOptions.NONE : options;
    }

    public AsyncContext context() {
        return context;
    }

    public DispatchOptions options() {
        return options;
    }

    /** The pinned version if it applies to {@code streamId}: the first stream a dispatch loads. */
    public OptionalLong pinFor(String streamId) {
        if (options.expectedVersion().isEmpty()) {
            return OptionalLong.empty();
        }
        if (pinnedStream == null) {
            pinnedStream = streamId;
        }
        return pinnedStream.equals(streamId) ? options.expectedVersion() : OptionalLong.empty();
    }

    /** Whether the caller's pinned version applies to {@code streamId} in this attempt. */
    public boolean pins(String streamId) {
        return options.pinned() && streamId.equals(pinnedStream);
    }

    /**
     * The command id for the first append of this dispatch; null afterwards, without an id, or once
     * an append stored it (a retried attempt must not append it again).
     */
    public UUID claimCommandId() {
        if (options.commandId() == null || commandIdClaimed || commandIdStored) {
            return null;
        }
        commandIdClaimed = true;
        return options.commandId();
    }

    /** The append that carried the claimed command id succeeded: the id is durably recorded. */
    public void commandIdStored() {
        commandIdStored = true;
    }

    /** Whether an append of this dispatch stored the command id (its outcome is then recorded). */
    public boolean commandIdRecorded() {
        return commandIdStored;
    }

    /**
     * Forgets what a failed attempt claimed, before the bus retries the command. A command id an
     * append already stored stays stored: it is not appended again, and the outcome is still recorded.
     */
    public void resetAttempt() {
        pinnedStream = null;
        commandIdClaimed = false;
    }
}
