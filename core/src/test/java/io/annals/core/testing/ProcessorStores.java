package io.annals.core.testing;

import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.DeadLetterStore;
import io.annals.core.processor.ProcessorLease;
import io.annals.core.store.EventStore;
import io.annals.core.testing.tally.TallyStore;
import java.util.Objects;

/**
 * The stores a processor contract runs on. The same instances outlive a simulated crash: a test
 * closes its container and boots a new one over them, as a restarted process would find its database.
 */
public record ProcessorStores(EventStore events, CheckpointStore checkpoints, DeadLetterStore deadLetters,
                              ProcessorLease lease, TallyStore tallies) {

    public ProcessorStores {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(tallies, "tallies");
    }
}
