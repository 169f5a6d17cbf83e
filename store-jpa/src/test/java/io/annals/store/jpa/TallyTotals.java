package io.annals.store.jpa;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.EventHandler;
import io.annals.core.processor.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projection whose read model outlives the container (a static map stands in for tables), so a
 * test can restart the container and see whether events are applied again.
 */
@ApplicationScoped
@Projection("tally-totals")
class TallyTotals {

    static final Map<String, Integer> APPLIED = new ConcurrentHashMap<>();

    @EventHandler
    void on(Tally.Tallied tallied, EventEnvelope<Tally.Tallied> envelope) {
        APPLIED.merge(envelope.streamId(), 1, Integer::sum);
    }
}
