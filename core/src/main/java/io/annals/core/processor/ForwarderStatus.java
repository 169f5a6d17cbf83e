package io.annals.core.processor;

/**
 * A forwarder's progress for {@code GET /api/forwarders}: its checkpoint, how far behind the log's
 * head it is, its state, and how many deliveries to its destination failed since start.
 */
public record ForwarderStatus(String name, long position, long lag, ProcessorState state, long failures) {

    static ForwarderStatus of(ProcessorStatus status) {
        return new ForwarderStatus(status.name(), status.position(), status.lag(), status.state(), status.failures());
    }
}
