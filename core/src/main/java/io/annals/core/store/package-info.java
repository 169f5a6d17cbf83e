/**
 * The event store SPI: append with an expected version, idempotent by event id, a gap-free global
 * log, snapshots and the record of processed command ids. {@link io.annals.core.store.InMemoryEventStore}
 * is the reference implementation every other store is tested against.
 */
package io.annals.core.store;
