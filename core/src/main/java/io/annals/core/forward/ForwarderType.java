package io.annals.core.forward;

/** Where a forwarder sends events. */
public enum ForwarderType {
    /** One log record per event (java.util.logging, logger {@code io.annals.forward.<name>}). */
    LOG,
    /** One HTTP POST per event to a webhook. */
    HTTP
}
