package io.annals.core.processor;

import io.annals.core.store.InMemoryEventStore;
import io.annals.core.testing.ProcessorStores;
import io.annals.core.testing.ProjectionContract;
import io.annals.core.testing.tally.InMemoryTallyStore;
import io.annals.core.testing.tally.TransactionalCheckpoints;

/** The projection contract on in-memory stores whose checkpoint commits are atomic (the batch path). */
class InMemoryProjectionContractTest extends ProjectionContract {

    @Override
    protected ProcessorStores newStores() {
        InMemoryTallyStore tallies = new InMemoryTallyStore();
        return new ProcessorStores(new InMemoryEventStore(), new TransactionalCheckpoints(tallies),
                new InMemoryDeadLetterStore(), new InMemoryProcessorLease(), tallies);
    }
}
