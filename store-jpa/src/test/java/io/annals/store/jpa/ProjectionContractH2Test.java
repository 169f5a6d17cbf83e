package io.annals.store.jpa;

import io.annals.core.testing.ProjectionContract;
import io.annals.core.testing.ProcessorStores;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core's projection contract on the JPA stores, on embedded H2, with a database of its own per test. */
class ProjectionContractH2Test extends ProjectionContract {

    @RegisterExtension
    final ClosedAfterEachTest closing = new ClosedAfterEachTest();

    @Override
    protected ProcessorStores newStores() {
        return closing.add(JpaProcessorStores.open(TestDatabase.h2())).processorStores();
    }
}
