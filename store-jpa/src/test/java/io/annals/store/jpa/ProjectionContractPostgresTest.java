package io.annals.store.jpa;

import io.annals.core.testing.ProjectionContract;
import io.annals.core.testing.ProcessorStores;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core's projection contract on the JPA stores, on a real PostgreSQL, with a database of its own per test. */
class ProjectionContractPostgresTest extends ProjectionContract {

    @RegisterExtension
    final ClosedAfterEachTest closing = new ClosedAfterEachTest();

    @Override
    protected ProcessorStores newStores() {
        return closing.add(JpaProcessorStores.open(TestDatabase.postgres())).processorStores();
    }
}
