package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.store.EventStoreUnavailableException;
import io.annals.core.store.ExpectedVersion;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Core's event store contract and the JPA store's scenarios on a real PostgreSQL, plus what only a
 * database server can do: go away.
 */
class JpaStorePostgresTest extends JpaStoreScenarios {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void theWriterReconnectsWhenItsSessionWasTerminated() {
        AtomicInteger writerPid = new AtomicInteger();
        store.batchHook(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                writerPid.set(pid.getInt(1));
            }
        });
        String stream = newStream("reconnect");
        store.append(stream, ExpectedVersion.NO_STREAM, events(1));
        database.execute("SELECT pg_terminate_backend(" + writerPid.get() + ")");

        assertEquals(2, store.append(stream, ExpectedVersion.exactly(1), events(1)).streamVersion());
        assertTrue(writerPid.get() > 0);
    }

    @Test
    void anUnreachableDatabaseMakesTheStoreUnavailable() {
        String nowhere = "jdbc:postgresql://127.0.0.1:1/annals?user=postgres&connectTimeout=2";
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(JpaStores.PERSISTENCE_UNIT, Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", nowhere));
        try (JpaEventStore unreachable = new JpaEventStore(new DriverManagerDataSource(nowhere, null, null),
                new ResourceLocalTransactions(factory), JpaEventStoreSettings.defaults())) {
            assertThrows(EventStoreUnavailableException.class,
                    () -> unreachable.append(newStream("nowhere"), ExpectedVersion.ANY, events(1)));
            assertThrows(EventStoreUnavailableException.class, () -> unreachable.streamVersion("nowhere"));
            assertThrows(EventStoreUnavailableException.class, unreachable::headPosition);
        } finally {
            factory.close();
        }
    }
}
