/**
 * Events: logical type names, JSON serialisation with upcasting, the envelope a handler receives,
 * the {@link io.annals.core.event.EventBus} that notifies CDI observers after events are stored, and
 * the unhandled-exception stream where every asynchronous failure ends up.
 */
package io.annals.core.event;
