/**
 * Event-sourced aggregates: {@link io.annals.core.aggregate.AggregateRoot} decides and applies
 * events; {@link io.annals.core.aggregate.EventSourcedRepository} loads one by replaying its stream
 * (from a snapshot when there is one) and saves its new events with the loaded version as expected
 * version, then publishes them in the current context.
 */
package io.annals.core.aggregate;
