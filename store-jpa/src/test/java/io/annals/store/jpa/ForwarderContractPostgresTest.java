package io.annals.store.jpa;

import io.annals.core.testing.ForwarderContract;
import io.annals.core.testing.ProcessorStores;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core's forwarder contract on the JPA stores, on a real PostgreSQL, with a database of its own per test. */
class ForwarderContractPostgresTest extends ForwarderContract {

    @RegisterExtension
    final ClosedAfterEachTest closing = new ClosedAfterEachTest();

    @Override
    protected ProcessorStores newStores() {
        return closing.add(JpaProcessorStores.open(TestDatabase.postgres())).processorStores();
    }
}
