package io.annals.core.processor;

/** What a processor feeds. */
public enum ProcessorKind {
    PROJECTION, SAGA, FORWARDER
}
