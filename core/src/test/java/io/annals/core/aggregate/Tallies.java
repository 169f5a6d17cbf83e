package io.annals.core.aggregate;

import jakarta.enterprise.context.ApplicationScoped;

/** Tallies, snapshotted every {@value #SNAPSHOT_EVERY} events, with the default not-found exception. */
@ApplicationScoped
class Tallies extends EventSourcedRepository<Tally, String> {

    static final int SNAPSHOT_EVERY = 3;

    Tallies() {
        super("tally", Tally::new, SNAPSHOT_EVERY);
    }
}
