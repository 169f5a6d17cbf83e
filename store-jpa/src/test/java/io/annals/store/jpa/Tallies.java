package io.annals.store.jpa;

import io.annals.core.aggregate.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The repository of {@link Tally}, snapshotting every two events. */
@ApplicationScoped
class Tallies extends EventSourcedRepository<Tally, String> {

    Tallies() {
        super("tally", Tally::new, 2);
    }
}
