package io.annals.store.jpa;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.CheckpointBatch;
import io.annals.core.processor.EventHandler;
import io.annals.core.processor.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A projection that collects a line per event and writes them once per checkpoint commit, as a table would take them. */
@ApplicationScoped
@Projection("tally-ledger")
class TallyLedger {

    static final List<List<String>> WRITES = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(Tally.Tallied tallied, EventEnvelope<Tally.Tallied> envelope) {
        CheckpointBatch.collect("tally-ledger", envelope.streamId() + "@" + envelope.version(),
                lines -> WRITES.add(List.copyOf(lines)));
    }
}
