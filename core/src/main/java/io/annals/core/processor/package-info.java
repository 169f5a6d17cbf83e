/**
 * The processor runtime: tracking processors that read the global log after a durable checkpoint
 * and feed projections ({@link io.annals.core.processor.Projection}), sagas
 * ({@link io.annals.core.processor.Saga}) and forwarders. A crash between an event and its reaction
 * never loses the reaction: the checkpoint only moves in the commit that applies the events. Events
 * a processor cannot handle after bounded retries are parked in a
 * {@link io.annals.core.processor.DeadLetterStore}; a {@link io.annals.core.processor.ProcessorLease}
 * keeps two instances from running one processor; a projection implementing
 * {@link io.annals.core.processor.RebuildableProjection} is rebuilt beside its live read model.
 * {@link io.annals.core.processor.ProcessorRuntime} is what the admin API talks to.
 */
package io.annals.core.processor;
