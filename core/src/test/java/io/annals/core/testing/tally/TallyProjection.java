package io.annals.core.testing.tally;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.EventHandler;
import io.annals.core.processor.Projection;
import io.annals.core.processor.RebuildableProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The {@code tally} projection: sums counts per counter into the {@link TallyStore}. */
@Projection("tally")
@ApplicationScoped
public class TallyProjection implements RebuildableProjection {

    public static final String NAME = "tally";

    @Inject
    TallyStore store;

    @Inject
    FailurePlan plan;

    @EventHandler
    void on(TallyCounted counted, EventEnvelope<TallyCounted> envelope) {
        plan.beforeProjecting(envelope);
        store.add(counted.counter(), counted.amount(), envelope.position());
    }

    @Override
    public void startRebuild() {
        store.startRebuild();
    }

    @Override
    public void switchToRebuilt() {
        store.switchToRebuilt();
    }

    @Override
    public void abandonRebuild() {
        store.abandonRebuild();
    }
}
