package io.annals.store.jpa;

import io.annals.core.testing.ProcessorStores;
import io.annals.core.testing.SagaContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core's saga contract on the JPA stores, on embedded H2, with a database of its own per test. */
class SagaContractH2Test extends SagaContract {

    @RegisterExtension
    final ClosedAfterEachTest closing = new ClosedAfterEachTest();

    @Override
    protected ProcessorStores newStores() {
        return closing.add(JpaProcessorStores.open(TestDatabase.h2())).processorStores();
    }
}
