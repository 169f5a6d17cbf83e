package io.annals.core.store;

/**
 * An aggregate's state at a stream version, serialised as JSON. {@code type} names the snapshot
 * shape so a changed aggregate can ignore snapshots it no longer understands.
 */
public record Snapshot(String streamId, long version, String type, String data) {
}
