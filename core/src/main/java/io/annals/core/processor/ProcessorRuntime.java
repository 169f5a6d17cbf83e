package io.annals.core.processor;

import io.annals.core.command.CommandBus;
import io.annals.core.context.ContextActivator;
import io.annals.core.discovery.AnnalsExtension;
import io.annals.core.dispatch.AnnalsExecutor;
import io.annals.core.event.EventSerializer;
import io.annals.core.event.EventTypeRegistry;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.store.AppendSignal;
import io.annals.core.store.EventStore;
import io.annals.core.store.StoredEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every projection and saga the extension found, and any processor registered later (the
 * forwarders), each on a {@link TrackingProcessor} with its own thread that waits for the next local
 * append or backs off when idle. It is also what the admin API talks to: statuses, rebuilds, dead
 * letters and forwarder statuses, with named exceptions for unknown names (404) and refusals (409).
 * <p>
 * Collaborators are optional beans: a {@link CheckpointStore} (default: in memory), a
 * {@link DeadLetterStore} (default: in memory), a {@link ProcessorLease} (default: none, every
 * processor runs here), and {@link Settings} (default: MicroProfile Config, see
 * {@link ProcessorSettings} for the keys). With {@code annals.processors.autostart=false} nothing runs
 * on its own and {@link #awaitIdle} drives the processors on the caller's thread.
 */
@ApplicationScoped
public class ProcessorRuntime {

    private final Map<String, TrackingProcessor> processors = new ConcurrentHashMap<>();
    private final Map<String, RebuildRun> rebuilds = new ConcurrentHashMap<>();
    private final List<PollingLoop> loops = new ArrayList<>();
    private volatile boolean started;

    @Inject
    AnnalsExtension extension;

    @Inject
    BeanManager beans;

    @Inject
    EventStore store;

    @Inject
    Instance<CheckpointStore> checkpointStores;

    @Inject
    Instance<DeadLetterStore> deadLetterStores;

    @Inject
    Instance<ProcessorLease> leases;

    @Inject
    Instance<Settings> configuredSettings;

    @Inject
    EventSerializer serializer;

    @Inject
    EventTypeRegistry types;

    @Inject
    ContextActivator contexts;

    @Inject
    UnhandledExceptions unhandled;

    @Inject
    CommandBus commands;

    @Inject
    AnnalsExecutor executor;

    @Inject
    AppendSignal appendSignal;

    private Settings settings;
    private ProcessorSettings tunables;
    private TrackingSetup durable;
    private TrackingSetup inMemory;
    private ProcessorLease lease;
    private DeadLetterStore deadLetters;
    /** Whole microseconds: what a database keeps of a dead letter's times, so a stored entry equals the one returned. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        start();
    }

    /** Builds the discovered processors and, unless autostart is off, starts their loops. Idempotent. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        settings = configuredSettings.isResolvable() ? configuredSettings.get() : Settings.fromEnvironment();
        tunables = ProcessorSettings.from(settings);
        deadLetters = deadLetterStores.isResolvable() ? deadLetterStores.get() : new InMemoryDeadLetterStore();
        lease = leases.isResolvable() ? leases.get() : null;
        CheckpointStore checkpoints = checkpointStores.isResolvable() ? checkpointStores.get() : new InMemoryCheckpointStore();
        durable = new TrackingSetup(store, checkpoints, deadLetters, unhandled, tunables.batchSize(), tunables.retries(), clock);
        inMemory = durable.withCheckpoints(new InMemoryCheckpointStore());
        extension.projections().forEach(p -> register(new ProjectionProcessor(p, reference(p.bean()))));
        extension.sagas().forEach(s -> register(new SagaProcessor(s, reference(s.bean()), commands)));
    }

    /** The settings the runtime read at start (forwarders read theirs from the same place). */
    public Settings settings() {
        start();
        return settings;
    }

    /** Adds a projection or saga processor and starts its loop when autostart is on. */
    public TrackingProcessor register(EventProcessor processor) {
        return register(new DecodingProcessor(processor, types, serializer, contexts));
    }

    /**
     * Adds a processor that takes stored events (a forwarder) and starts its loop when autostart is on.
     *
     * @throws IllegalStateException a processor of that name exists
     */
    public synchronized TrackingProcessor register(StoredEventProcessor processor) {
        start();
        boolean local = processor.inMemoryCheckpoint();
        LeaseKeeper keeper = local || lease == null ? null
                : new LeaseKeeper(lease, processor.name(), tunables.instanceId(), tunables.leaseTtl());
        TrackingProcessor tracking = new TrackingProcessor(processor, processor.name(), local ? inMemory : durable, keeper,
                deadLetters::park, false);
        if (processors.putIfAbsent(processor.name(), tracking) != null) {
            throw new IllegalStateException("two processors named '" + processor.name() + "'");
        }
        if (tunables.autostart()) {
            startLoop(new PollingLoop(processor.name(), tracking::poll, tunables.batchSize(), () -> false, tunables.maxIdle()));
        }
        return tracking;
    }

    /** Drives every processor (and any rebuild) on the calling thread until each has reached the current head. */
    public void awaitIdle() {
        start();
        processors.values().forEach(TrackingProcessor::catchUp);
        for (RebuildRun run : rebuilds.values()) {
            while (!run.step()) {
                // each step replays one batch; the last one switches
            }
        }
        rebuilds.values().removeIf(RebuildRun::finished);
    }

    /** Like {@link #awaitIdle()}, repeated until nothing new arrives (sagas append more events) or time runs out. */
    public void awaitIdle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long head;
        do {
            head = store.headPosition();
            awaitIdle();
        } while (store.headPosition() != head && System.nanoTime() < deadline);
    }

    /** Every processor's status, by name. */
    public List<ProcessorStatus> statuses() {
        start();
        return processors.keySet().stream().sorted().map(this::status).toList();
    }

    /** @throws UnknownProcessorException no processor has this name */
    public ProcessorStatus status(String name) {
        ProcessorStatus status = existing(name).status();
        RebuildRun run = rebuilds.get(name);
        return run != null && !run.finished() ? status.rebuilding(run.progress()) : status;
    }

    /** The forwarders' statuses, by name. */
    public List<ForwarderStatus> forwarderStatuses() {
        return statuses().stream().filter(s -> s.kind() == ProcessorKind.FORWARDER).map(ForwarderStatus::of).toList();
    }

    public Optional<TrackingProcessor> processor(String name) {
        return Optional.ofNullable(processors.get(name));
    }

    /**
     * Rebuilds a projection while the application keeps serving: its current read model keeps
     * answering and being updated until the rebuilt one has caught up and takes over.
     *
     * @return the status at the start of the rebuild
     * @throws UnknownProcessorException no processor has this name
     * @throws SagaRebuildRefusedException the processor is a saga
     * @throws RebuildNotSupportedException a forwarder, or a projection that is not a {@link RebuildableProjection}
     * @throws RebuildAlreadyRunningException the projection is being rebuilt
     * @throws ProcessorLeaseHeldElsewhereException another instance runs the projection
     */
    public ProcessorStatus rebuild(String name) {
        TrackingProcessor live = existing(name);
        if (live.kind() == ProcessorKind.SAGA) {
            throw new SagaRebuildRefusedException(name);
        }
        if (live.kind() == ProcessorKind.FORWARDER) {
            throw new RebuildNotSupportedException(name, "a forwarder would send every event again");
        }
        RebuildableProjection target = live.processor().rebuildable().orElseThrow(() -> new RebuildNotSupportedException(name,
                "its bean does not implement " + RebuildableProjection.class.getSimpleName()));
        synchronized (this) {
            RebuildRun running = rebuilds.get(name);
            if (running != null && !running.finished()) {
                throw new RebuildAlreadyRunningException(name);
            }
            if (!live.holdsLease()) {
                throw new ProcessorLeaseHeldElsewhereException(name, live.leaseHolder());
            }
            TrackingSetup setup = live.processor().inMemoryCheckpoint() ? inMemory : durable;
            RebuildRun run = new RebuildRun(live, name, target, setup);
            rebuilds.put(name, run);
            if (tunables.autostart()) {
                startLoop(new PollingLoop(name + " rebuild", () -> run.step() ? 0 : 1, 1, run::finished,
                        tunables.maxIdle()));
            }
        }
        return status(name);
    }

    /** The dead letters still parked, by position. */
    public List<DeadLetter> deadLetters() {
        start();
        return deadLetters.parked();
    }

    /** @throws UnknownDeadLetterException no dead letter has this id */
    public DeadLetter deadLetter(UUID id) {
        start();
        return deadLetters.find(id).orElseThrow(() -> new UnknownDeadLetterException(id));
    }

    /**
     * Delivers a parked event to its processor again. On success the entry is resolved as
     * {@link DeadLetterState#RETRIED}; on failure it stays parked with one more attempt and the new error.
     *
     * @return the entry after the retry
     * @throws UnknownDeadLetterException no dead letter has this id
     * @throws DeadLetterResolvedException it was already resolved
     * @throws UnknownProcessorException its processor no longer exists
     * @throws ProcessorLeaseHeldElsewhereException another instance runs its processor
     */
    public DeadLetter retryDeadLetter(UUID id) {
        DeadLetter letter = parkedLetter(id);
        TrackingProcessor processor = existing(letter.processor());
        return processor.redeliver(letter, eventOf(letter));
    }

    /**
     * Resolves a parked entry as {@link DeadLetterState#SKIPPED}: its processor goes without the event for good.
     *
     * @throws UnknownDeadLetterException no dead letter has this id
     * @throws DeadLetterResolvedException it was already resolved
     */
    public DeadLetter skipDeadLetter(UUID id) {
        DeadLetter skipped = parkedLetter(id).resolved(DeadLetterState.SKIPPED, clock.instant());
        deadLetters.update(skipped);
        return skipped;
    }

    @PreDestroy
    synchronized void stop() {
        loops.forEach(PollingLoop::stop);
        rebuilds.values().forEach(RebuildRun::abandon);
        processors.values().forEach(TrackingProcessor::stopped);
    }

    private TrackingProcessor existing(String name) {
        start();
        TrackingProcessor processor = name == null ? null : processors.get(name);
        if (processor == null) {
            throw new UnknownProcessorException(name);
        }
        return processor;
    }

    private DeadLetter parkedLetter(UUID id) {
        DeadLetter letter = deadLetter(id);
        if (!letter.isParked()) {
            throw new DeadLetterResolvedException(letter);
        }
        return letter;
    }

    private StoredEvent eventOf(DeadLetter letter) {
        List<StoredEvent> found = store.readAll(letter.position() - 1, 1);
        if (found.isEmpty() || !found.get(0).eventId().equals(letter.eventId())) {
            throw new IllegalStateException("dead letter " + letter.id() + " names event " + letter.eventId()
                    + " at position " + letter.position() + ", which the event store does not hold there");
        }
        return found.get(0);
    }

    private synchronized void startLoop(PollingLoop loop) {
        loops.add(loop);
        Runnable wake = loop::wake;
        appendSignal.subscribe(wake);
        executor.threadFactory().newThread(() -> {
            try {
                loop.run();
            } finally {
                appendSignal.unsubscribe(wake);
                forget(loop);
            }
        }).start();
    }

    private synchronized void forget(PollingLoop loop) {
        loops.remove(loop);
    }

    private Object reference(Bean<?> bean) {
        return beans.getReference(bean, Object.class, beans.createCreationalContext(bean));
    }
}
