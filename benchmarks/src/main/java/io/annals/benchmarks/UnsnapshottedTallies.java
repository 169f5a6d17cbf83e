package io.annals.benchmarks;

import io.annals.core.aggregate.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The same streams as {@link Tallies}, loaded without snapshots: the whole stream every time. */
@ApplicationScoped
class UnsnapshottedTallies extends EventSourcedRepository<Tally, UUID> {

    UnsnapshottedTallies() {
        super("tally", Tally::new, 0);
    }
}
