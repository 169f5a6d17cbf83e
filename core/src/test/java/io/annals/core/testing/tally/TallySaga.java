package io.annals.core.testing.tally;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.Saga;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Acknowledges every count with a command. */
@ApplicationScoped
public class TallySaga {

    public static final String NAME = "TallySaga";

    @Inject
    FailurePlan plan;

    @Saga
    AcknowledgeTally on(TallyCounted counted, EventEnvelope<TallyCounted> envelope) {
        plan.failIfPlanned(counted.counter());
        plan.beforeCommand();
        return new AcknowledgeTally(counted.counter(), envelope.position());
    }
}
