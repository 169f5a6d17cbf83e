package io.annals.store.jpa;

import io.annals.core.testing.ForwarderContract;
import io.annals.core.testing.ProcessorStores;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core's forwarder contract on the JPA stores, on embedded H2, with a database of its own per test. */
class ForwarderContractH2Test extends ForwarderContract {

    @RegisterExtension
    final ClosedAfterEachTest closing = new ClosedAfterEachTest();

    @Override
    protected ProcessorStores newStores() {
        return closing.add(JpaProcessorStores.open(TestDatabase.h2())).processorStores();
    }
}
