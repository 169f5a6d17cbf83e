package io.annals.core.processor;

import io.annals.core.store.InMemoryEventStore;
import io.annals.core.testing.ProcessorStores;
import io.annals.core.testing.ProjectionContract;
import io.annals.core.testing.tally.InMemoryTallyStore;

/** The projection contract on a checkpoint store without transactions (the event-by-event path). */
class NonAtomicCheckpointsProjectionContractTest extends ProjectionContract {

    @Override
    protected ProcessorStores newStores() {
        return new ProcessorStores(new InMemoryEventStore(), new InMemoryCheckpointStore(), new InMemoryDeadLetterStore(),
                new InMemoryProcessorLease(), new InMemoryTallyStore());
    }
}
