package io.annals.store.jpa;

import io.annals.core.event.EventType;

/** A test event at schema version 2; version 1 stored {@code {"item":…,"name":…}}. */
@EventType(version = 2)
record ItemRenamed(String itemId, String newName) {
}
