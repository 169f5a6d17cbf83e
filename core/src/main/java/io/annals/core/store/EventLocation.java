package io.annals.core.store;

/** Where an event id is stored: its stream and version. */
public record EventLocation(String streamId, long version) {
}
