/**
 * The durable event store on a relational database: {@link io.annals.store.jpa.JpaEventStore} (a
 * gap-free global log written by one group-committing writer per process, optimistic stream
 * versions, idempotent appends, command ids, snapshots); for the processor runtime,
 * {@link io.annals.store.jpa.JpaCheckpointStore}, {@link io.annals.store.jpa.JpaDeadLetterStore} and
 * {@link io.annals.store.jpa.JpaProcessorLease}, whose batch writes, dead letters and checkpoints
 * commit in one transaction; the Flyway migrations of {@link io.annals.store.jpa.AnnalsSchema}; and
 * the glue that makes them core's stores in a container ({@link io.annals.store.jpa.JpaStores}) or
 * outside one ({@link io.annals.store.jpa.StandaloneStores}). Embedded H2 and PostgreSQL are supported.
 */
package io.annals.store.jpa;
