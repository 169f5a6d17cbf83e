package io.annals.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.processor.ProcessorLease;
import io.annals.core.testing.ProcessorLeaseContract;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Core's lease contract on {@link JpaProcessorLease}, plus two application instances (each with its
 * own persistence unit and connections) racing for the same leases on one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaProcessorLeaseScenarios extends ProcessorLeaseContract {

    private static final int ROUNDS = 40;

    private TestDatabase database;
    private StandaloneStores stores;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open() {
        database = createDatabase();
        stores = database.openStores(JpaEventStoreSettings.defaults());
    }

    @AfterAll
    void close() {
        stores.close();
        database.close();
    }

    @Override
    protected ProcessorLease lease() {
        return stores.processorLease();
    }

    @Test
    void twoInstancesRacingForAFreeLeaseNeverBothTakeIt() throws Exception {
        race(processor -> { });
    }

    @Test
    void twoInstancesRacingForAnExpiredLeaseNeverBothTakeIt() throws Exception {
        race(processor -> database.execute("INSERT INTO annals_processor_leases (processor, owner, expires_at) VALUES ('"
                + processor + "', 'gone', CURRENT_TIMESTAMP - INTERVAL '1' SECOND)"));
    }

    private void race(Consumer<String> prepare) throws Exception {
        try (StandaloneStores second = database.openStores(JpaEventStoreSettings.defaults())) {
            List<ProcessorLease> instances = List.of(stores.processorLease(), second.processorLease());
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    String processor = "raced-" + UUID.randomUUID();
                    prepare.accept(processor);
                    Future<Boolean> a = threads.submit(takeTogether(instances.get(0), processor, "a", together));
                    Future<Boolean> b = threads.submit(takeTogether(instances.get(1), processor, "b", together));
                    boolean aWon = a.get(30, TimeUnit.SECONDS);
                    boolean bWon = b.get(30, TimeUnit.SECONDS);

                    assertTrue(aWon ^ bWon, "exactly one instance takes the lease (a: " + aWon + ", b: " + bWon + ")");
                    Optional<String> winner = Optional.of(aWon ? "a" : "b");
                    assertEquals(winner, instances.get(0).holder(processor));
                    assertEquals(winner, instances.get(1).holder(processor));
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static Callable<Boolean> takeTogether(ProcessorLease lease, String processor, String owner, CyclicBarrier together) {
        return () -> {
            together.await(30, TimeUnit.SECONDS);
            return lease.acquire(processor, owner, Duration.ofMinutes(1));
        };
    }
}
