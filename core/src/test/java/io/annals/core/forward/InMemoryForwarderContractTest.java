package io.annals.core.forward;

import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.processor.InMemoryDeadLetterStore;
import io.annals.core.processor.InMemoryProcessorLease;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.testing.ForwarderContract;
import io.annals.core.testing.ProcessorStores;
import io.annals.core.testing.tally.InMemoryTallyStore;

/** The forwarder contract on in-memory stores. */
class InMemoryForwarderContractTest extends ForwarderContract {

    @Override
    protected ProcessorStores newStores() {
        return new ProcessorStores(new InMemoryEventStore(), new InMemoryCheckpointStore(), new InMemoryDeadLetterStore(),
                new InMemoryProcessorLease(), new InMemoryTallyStore());
    }
}
