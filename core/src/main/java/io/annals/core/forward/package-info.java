/**
 * Forwarders: checkpointed processors that send every stored event, in order and at least once, to
 * a configured destination (the log, or an HTTP webhook receiving the event JSON of
 * {@link io.annals.core.event.EventJson}), with exponential backoff, dead letters after a number of
 * attempts, and a checkpoint and status per destination. They are configured by MicroProfile
 * Config; see {@link io.annals.core.forward.ForwarderSettings} for the keys.
 */
package io.annals.core.forward;
