package io.annals.core.processor;

import io.annals.core.store.InMemoryEventStore;
import io.annals.core.testing.ProcessorStores;
import io.annals.core.testing.SagaContract;
import io.annals.core.testing.tally.InMemoryTallyStore;
import io.annals.core.testing.tally.TransactionalCheckpoints;

/** The saga contract on in-memory stores. */
class InMemorySagaContractTest extends SagaContract {

    @Override
    protected ProcessorStores newStores() {
        InMemoryTallyStore tallies = new InMemoryTallyStore();
        return new ProcessorStores(new InMemoryEventStore(), new TransactionalCheckpoints(tallies),
                new InMemoryDeadLetterStore(), new InMemoryProcessorLease(), tallies);
    }
}
