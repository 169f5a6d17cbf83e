package io.annals.core.testing;

import io.annals.core.event.EventSerializer;
import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.DeadLetterStore;
import io.annals.core.processor.ProcessorLease;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.processor.Settings;
import io.annals.core.store.AppendSignal;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.tally.FailurePlan;
import io.annals.core.testing.tally.TallyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * One running "application instance" for the processor contracts: a Weld container with core's
 * beans, the given extra beans, and the shared {@link ProcessorStores}. Closing it is the process
 * going away; booting another node over the same stores is the restart.
 */
public final class RuntimeNode implements AutoCloseable {

    /** Settings every contract starts from: processors driven by the test, short backoffs, small batches. */
    public static final Map<String, String> TEST_SETTINGS = Map.of(
            "annals.processors.autostart", "false",
            "annals.processors.batch-size", "10",
            "annals.processors.max-attempts", "3",
            "annals.processors.retry-backoff-millis", "1",
            "annals.processors.max-retry-backoff-millis", "5",
            "annals.processors.max-idle-millis", "50");

    private final WeldContainer container;
    private final ProcessorStores stores;

    private RuntimeNode(WeldContainer container, ProcessorStores stores) {
        this.container = container;
        this.stores = stores;
    }

    /**
     * Boots a node.
     *
     * @param settings merged over {@link #TEST_SETTINGS}
     * @param beans the application's beans (projections, sagas, handlers)
     */
    public static RuntimeNode boot(ProcessorStores stores, Map<String, String> settings, Class<?>... beans) {
        Map<String, String> merged = new HashMap<>(TEST_SETTINGS);
        merged.putAll(settings);
        ProvidedBeans provided = new ProvidedBeans()
                .add(EventStore.class, stores.events())
                .add(CheckpointStore.class, stores.checkpoints())
                .add(DeadLetterStore.class, stores.deadLetters())
                .add(ProcessorLease.class, stores.lease())
                .add(TallyStore.class, stores.tallies())
                .add(Settings.class, Settings.of(merged));
        Weld weld = AnnalsWeld.weld(beans)
                .containerId("node-" + UUID.randomUUID())
                .addExtension(provided);
        RuntimeNode node = new RuntimeNode(weld.initialize(), stores);
        node.runtime().start();
        return node;
    }

    public <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    public ProcessorRuntime runtime() {
        return bean(ProcessorRuntime.class);
    }

    public FailurePlan plan() {
        return bean(FailurePlan.class);
    }

    public ProcessorStores stores() {
        return stores;
    }

    /** Appends events to a stream (creating it or extending it) and wakes the local processors. */
    public List<StoredEvent> append(String stream, Object... events) {
        EventSerializer serializer = bean(EventSerializer.class);
        EventStore store = stores.events();
        List<StoredEvent> stored = store.append(stream, ExpectedVersion.ANY, java.util.Arrays.stream(events)
                .map(e -> serializer.toNewEvent(e, new EventMetadata("corr-" + stream, null, "tester", null)))
                .toList()).events();
        bean(AppendSignal.class).appended();
        return stored;
    }

    /** Whether the container is still up. */
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public void close() {
        if (container.isRunning()) {
            container.shutdown();
        }
    }
}
