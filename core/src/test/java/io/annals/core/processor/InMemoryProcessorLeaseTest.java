package io.annals.core.processor;

import io.annals.core.testing.ProcessorLeaseContract;

class InMemoryProcessorLeaseTest extends ProcessorLeaseContract {

    private final ProcessorLease lease = new InMemoryProcessorLease();

    @Override
    protected ProcessorLease lease() {
        return lease;
    }
}
