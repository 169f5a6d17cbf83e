package io.annals.core.testing.tally;

import io.annals.core.aggregate.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Acknowledgement streams: {@code ack-<counter>}. */
@ApplicationScoped
public class AcknowledgementRepository extends EventSourcedRepository<Acknowledgements, String> {

    public AcknowledgementRepository() {
        super("ack", Acknowledgements::new);
    }
}
