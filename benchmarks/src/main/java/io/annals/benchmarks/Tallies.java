package io.annals.benchmarks;

import io.annals.core.aggregate.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The repository of {@link Tally}, with snapshots every 100 events (the default). */
@ApplicationScoped
class Tallies extends EventSourcedRepository<Tally, UUID> {

    Tallies() {
        super("tally", Tally::new);
    }
}
