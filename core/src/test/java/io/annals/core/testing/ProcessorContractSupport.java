package io.annals.core.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.annals.core.event.AnnalsJson;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.tally.TallyCounted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the processor contracts share: fresh stores per test from {@link #newStores()}, nodes booted
 * over them and closed after the test, and the expected read model computed straight from the log.
 */
public abstract class ProcessorContractSupport {

    private static final ObjectMapper JSON = AnnalsJson.newMapper();

    private final List<RuntimeNode> nodes = new ArrayList<>();

    /** The stores under test; created once per test. */
    protected ProcessorStores stores;

    /** Empty stores for one test (a fresh schema or database for a durable implementation). */
    protected abstract ProcessorStores newStores();

    /** The application beans each node of this contract runs. */
    protected abstract Class<?>[] applicationBeans();

    @BeforeEach
    void createStores() {
        stores = newStores();
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(RuntimeNode::close);
    }

    protected RuntimeNode boot() {
        return boot(Map.of());
    }

    protected RuntimeNode boot(Map<String, String> settings) {
        RuntimeNode node = RuntimeNode.boot(stores, settings, applicationBeans());
        nodes.add(node);
        return node;
    }

    protected static String stream() {
        return "tally-" + UUID.randomUUID();
    }

    /** Every stored event, in position order. */
    protected List<StoredEvent> log() {
        List<StoredEvent> all = new ArrayList<>();
        for (List<StoredEvent> page = stores.events().readAll(0, 500); !page.isEmpty();
             page = stores.events().readAll(page.get(page.size() - 1).position(), 500)) {
            all.addAll(page);
        }
        return all;
    }

    /** The totals a from-scratch fold over the whole log gives, leaving out the given positions. */
    protected Map<String, Long> foldedTotals(long... without) {
        Map<String, Long> totals = new HashMap<>();
        for (StoredEvent event : countedEvents(without)) {
            TallyCounted counted = counted(event);
            totals.merge(counted.counter(), counted.amount(), Long::sum);
        }
        return totals;
    }

    /** Positions of the counts in the log, leaving out the given ones. */
    protected List<Long> countedPositions(long... without) {
        return countedEvents(without).stream().map(StoredEvent::position).toList();
    }

    private List<StoredEvent> countedEvents(long... without) {
        List<Long> left = java.util.Arrays.stream(without).boxed().toList();
        return log().stream().filter(e -> e.type().equals("TallyCounted") && !left.contains(e.position())).toList();
    }

    protected static TallyCounted counted(StoredEvent event) {
        try {
            return JSON.readValue(event.data(), TallyCounted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds, failing after {@code millis}. */
    protected static void eventually(long millis, String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + millis + " ms waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, interrupted);
            }
        }
    }
}
