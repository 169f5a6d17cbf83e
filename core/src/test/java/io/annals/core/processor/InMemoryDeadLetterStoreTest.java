package io.annals.core.processor;

import io.annals.core.testing.DeadLetterStoreContract;

class InMemoryDeadLetterStoreTest extends DeadLetterStoreContract {

    private final DeadLetterStore store = new InMemoryDeadLetterStore();

    @Override
    protected DeadLetterStore store() {
        return store;
    }
}
