package io.annals.core.testing.tally;

import io.annals.core.aggregate.AggregateRoot;

/** One counter's acknowledgements. */
public class Acknowledgements extends AggregateRoot<String, TallyAcknowledged> {

    public Acknowledgements(String counter) {
        super(counter);
    }

    void acknowledge(long position) {
        apply(new TallyAcknowledged(id(), position));
    }

    @Override
    protected void when(TallyAcknowledged event) {
        // the aggregate keeps no state: every acknowledgement is accepted
    }
}
