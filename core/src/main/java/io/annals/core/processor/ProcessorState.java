package io.annals.core.processor;

/** Where a processor is in its life. */
public enum ProcessorState {
    RUNNING, REBUILDING, STOPPED, FAILING
}
