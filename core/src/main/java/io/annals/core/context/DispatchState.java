package io.annals.core.context;

import java.util.LinkedHashMap;
import java.util.Map;
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
    private boolean acceptsKeptStates;
    private boolean appendedInAttempt;
    private Map<String, KeptLoad> unconfirmedKeptLoads;

    /** An aggregate loaded from the state its repository kept, at {@code version}, and how to drop that state. */
    public record KeptLoad(long version, Runnable forget) {
    }

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
     * Lets repositories load aggregates from the state they kept without reading the stream; the
     * command bus allows it because it confirms every such load (see {@link #loadedFromKeptState}).
     */
    public void acceptKeptStates() {
        acceptsKeptStates = true;
    }

    /**
     * Whether a load may trust kept state now: not after this attempt appended, so that every trusted
     * load is confirmed before anything is stored and a failed confirmation never re-runs a command
     * whose events are already stored.
     */
    public boolean acceptsKeptStates() {
        return acceptsKeptStates && !appendedInAttempt;
    }

    /**
     * Records a load that trusted a kept state: the append of its events confirms the version
     * ({@link #appended}); a load that no append confirmed is checked against the store
     * before the dispatch's outcome counts, since a refusal or a command without events may rest on it.
     */
    public void loadedFromKeptState(String streamId, long version, Runnable forget) {
        if (unconfirmedKeptLoads == null) {
            unconfirmedKeptLoads = new LinkedHashMap<>();
        }
        unconfirmedKeptLoads.put(streamId, new KeptLoad(version, forget));
    }

    /**
     * An append of this attempt succeeded, with the loaded version of {@code streamId} as expected
     * version: a kept load of that stream is confirmed (the others were confirmed before it).
     */
    public void appended(String streamId) {
        appendedInAttempt = true;
        if (unconfirmedKeptLoads != null) {
            unconfirmedKeptLoads.remove(streamId);
        }
    }

    /** The kept-state loads of this attempt no append confirmed, by stream. */
    public Map<String, KeptLoad> unconfirmedKeptLoads() {
        return unconfirmedKeptLoads == null ? Map.of() : unconfirmedKeptLoads;
    }

    /**
     * Forgets what a failed attempt claimed, before the bus retries the command. A command id an
     * append already stored stays stored: it is not appended again, and the outcome is still recorded.
     */
    public void resetAttempt() {
        pinnedStream = null;
        commandIdClaimed = false;
        unconfirmedKeptLoads = null;
        appendedInAttempt = false;
    }
}
