package io.annals.core.aggregate;

import io.annals.core.context.AsyncContext;
import io.annals.core.context.ContextActivator;
import io.annals.core.context.DispatchState;
import io.annals.core.discovery.ApplicationInstances;
import io.annals.core.discovery.GenericTypes;
import io.annals.core.dispatch.AnnalsExecutor;
import io.annals.core.event.EventBus;
import io.annals.core.event.EventEnvelope;
import io.annals.core.event.EventSerializer;
import io.annals.core.store.AppendResult;
import io.annals.core.store.AppendSignal;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.Snapshot;
import io.annals.core.store.StoredEvent;
import io.annals.core.store.StreamVersionConflictException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads and saves one aggregate type by stream. A domain module subclasses it as an
 * {@code @ApplicationScoped} bean:
 * <pre>{@code
 * @ApplicationScoped
 * class Heroes extends EventSourcedRepository<Hero, HeroId> {
 *     Heroes() { super("hero", Hero::new); }
 * }
 * }</pre>
 * The stream id is {@code category-id}. Saving appends the uncommitted events with the loaded version
 * as expected version (a concurrent writer makes it fail with a conflict the command bus retries),
 * carries the dispatch's command id, then publishes the events with the current context. Aggregates
 * implementing {@link Snapshottable} get a snapshot every {@code snapshotEvery} events, and the state
 * each save leaves is kept in memory (as JSON) for the next load, which then reads only the events
 * after it: the cost of a command does not grow with the length of the stream. Within a command the
 * kept state is trusted without reading the stream at all, and confirmed afterwards ({@link KeptLoads}).
 */
public abstract class EventSourcedRepository<A extends AggregateRoot<ID, ?>, ID> {

    private static final Logger LOG = Logger.getLogger(EventSourcedRepository.class.getName());
    private static final int DEFAULT_SNAPSHOT_EVERY = 100;
    private static final int RECENT_STATES = 10_000;

    private final String category;
    private final Function<ID, A> factory;
    private final int snapshotEvery;
    private final RecentStates recent = new RecentStates(RECENT_STATES);
    private Class<?> snapshotType;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    @Inject
    EventBus events;

    @Inject
    ContextActivator contexts;

    @Inject
    AppendSignal appendSignal;

    @Inject
    AnnalsExecutor executor;

    @Inject
    BeanManager beans;

    /** Core's collaborators are called directly, not through their client proxies ({@link ApplicationInstances}). */
    @PostConstruct
    private void callCollaboratorsDirectly() {
        store = ApplicationInstances.behind(beans, EventStore.class, store);
        serializer = ApplicationInstances.behind(beans, EventSerializer.class, serializer);
        events = ApplicationInstances.behind(beans, EventBus.class, events);
        contexts = ApplicationInstances.behind(beans, ContextActivator.class, contexts);
        appendSignal = ApplicationInstances.behind(beans, AppendSignal.class, appendSignal);
    }

    protected EventSourcedRepository(String category, Function<ID, A> factory) {
        this(category, factory, DEFAULT_SNAPSHOT_EVERY);
    }

    /** @param snapshotEvery events between snapshots of a {@link Snapshottable} aggregate; 0 turns them off */
    protected EventSourcedRepository(String category, Function<ID, A> factory, int snapshotEvery) {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("category must not be blank");
        }
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery must be >= 0, was " + snapshotEvery);
        }
        this.category = category;
        this.factory = Objects.requireNonNull(factory, "factory");
        this.snapshotEvery = snapshotEvery;
    }

    /** The stream an aggregate lives in: {@code category-id}. */
    public String streamId(ID id) {
        return category + "-" + id;
    }

    /** A new aggregate (version 0), attached to this repository. */
    public A create(ID id) {
        A aggregate = factory.apply(Objects.requireNonNull(id, "id"));
        aggregate.attach(this::commit);
        return aggregate;
    }

    /** The aggregate rebuilt from its snapshot and stream, or empty if its stream does not exist. */
    public Optional<A> find(ID id) {
        String streamId = streamId(Objects.requireNonNull(id, "id"));
        Optional<A> trusted = fromKeptStateWithinCommand(id, streamId);
        if (trusted.isPresent()) {
            return trusted;
        }
        A aggregate = restoreState(id, streamId);
        long from = aggregate.version() + 1;
        List<StoredEvent> history = store.readStream(streamId, from);
        if (from == 1 && history.isEmpty()) {
            return Optional.empty();
        }
        replay(aggregate, history);
        checkPinnedVersion(streamId, aggregate.version());
        aggregate.attach(this::commit);
        return Optional.of(aggregate);
    }

    /**
     * Within a command whose bus confirms such loads ({@link KeptLoads}), the state the last save
     * kept, without reading the stream: the command's append expects that version, so a writer that
     * moved the stream meanwhile makes it fail with a conflict, the kept state is dropped and the bus
     * runs the command again. Not for a stream whose version the caller pinned: that load reads.
     */
    private Optional<A> fromKeptStateWithinCommand(ID id, String streamId) {
        Optional<DispatchState> dispatch = contexts.dispatch();
        if (dispatch.isEmpty() || !dispatch.get().acceptsKeptStates() || dispatch.get().pinFor(streamId).isPresent()) {
            return Optional.empty();
        }
        Optional<A> kept = fromKeptState(id, streamId);
        kept.ifPresent(aggregate -> {
            dispatch.get().loadedFromKeptState(streamId, aggregate.version(), () -> recent.forget(streamId));
            aggregate.attach(this::commit);
        });
        return kept;
    }

    /** A fresh aggregate restored from the state the last save kept; empty if none is kept or it cannot be read. */
    private Optional<A> fromKeptState(ID id, String streamId) {
        A fresh = factory.apply(id);
        if (snapshotEvery == 0 || !(fresh instanceof Snapshottable)) {
            return Optional.empty();
        }
        Optional<RecentStates.Entry> kept = recent.get(streamId);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(restored(fresh, kept.get()));
        } catch (RuntimeException unreadable) {
            LOG.log(Level.WARNING, "ignoring the kept state of " + streamId, unreadable);
            recent.forget(streamId);
            return Optional.empty();
        }
    }

    /** The aggregate; {@link #notFound} when its stream does not exist. */
    public A load(ID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** What {@link #load} throws for a missing aggregate; override for a domain exception. */
    protected RuntimeException notFound(ID id) {
        return new AggregateNotFoundException(streamId(id));
    }

    /**
     * Appends the aggregate's uncommitted events and publishes them.
     *
     * @return the aggregate's version after the save
     */
    public long save(A aggregate) {
        List<?> pending = aggregate.uncommittedEvents();
        if (pending.isEmpty()) {
            return aggregate.version();
        }
        String streamId = streamId(aggregate.id());
        Optional<DispatchState> dispatch = contexts.dispatch();
        EventMetadata metadata = metadataOf(dispatch.map(DispatchState::context).orElse(null));
        List<NewEvent> batch = new ArrayList<>(pending.size());
        for (Object event : pending) {
            batch.add(serializer.toNewEvent(event, metadata));
        }
        if (dispatch.isPresent()) {
            KeptLoads.confirm(dispatch.get(), store, streamId);
        }
        UUID commandId = dispatch.map(DispatchState::claimCommandId).orElse(null);
        long before = aggregate.version();
        AppendResult result;
        try {
            result = store.append(streamId, ExpectedVersion.of(before), batch, commandId);
        } catch (StreamVersionConflictException moved) {
            recent.forget(streamId);
            throw moved;
        }
        if (dispatch.isPresent()) {
            dispatch.get().appended(streamId);
        }
        if (commandId != null) {
            dispatch.get().commandIdStored();
        }
        aggregate.markCommitted(result.streamVersion());
        AggregateTrace.saved(aggregate);
        appendSignal.appended();
        keepState(aggregate, streamId, before, result.streamVersion());
        events.publish(envelopes(pending, result.events()));
        return result.streamVersion();
    }

    @SuppressWarnings("unchecked")
    private void commit(AggregateRoot<ID, ?> aggregate) {
        save((A) aggregate);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void replay(A aggregate, List<StoredEvent> history) {
        AggregateRoot raw = aggregate;
        for (StoredEvent stored : history) {
            raw.replay(serializer.payloadOf(stored), stored.version());
        }
    }

    private void checkPinnedVersion(String streamId, long version) {
        OptionalLong pinned = contexts.dispatch().map(state -> state.pinFor(streamId)).orElse(OptionalLong.empty());
        if (pinned.isPresent() && pinned.getAsLong() != version) {
            throw new StaleVersionException(streamId, pinned.getAsLong(), version);
        }
    }

    private static EventMetadata metadataOf(AsyncContext context) {
        if (context == null) {
            return new EventMetadata(UUID.randomUUID().toString(), null, null, null);
        }
        return new EventMetadata(context.correlationId(), context.causationId(), context.principal(), context.tenant());
    }

    private static List<EventEnvelope<Object>> envelopes(List<?> payloads, List<StoredEvent> stored) {
        List<EventEnvelope<Object>> envelopes = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            envelopes.add(EventSerializer.envelope(payloads.get(i), stored.get(i)));
        }
        return envelopes;
    }

    /**
     * A fresh aggregate restored from the state the last save kept, else from the latest readable
     * snapshot, else the fresh aggregate itself. A restore that fails half-way leaves state behind,
     * so its instance is discarded for a new one.
     */
    @SuppressWarnings("rawtypes")
    private A restoreState(ID id, String streamId) {
        A fresh = factory.apply(id);
        if (snapshotEvery == 0 || !(fresh instanceof Snapshottable)) {
            return fresh;
        }
        Optional<A> kept = fromKeptState(id, streamId);
        if (kept.isPresent()) {
            return kept.get();
        }
        try {
            Optional<Snapshot> snapshot = store.latestSnapshot(streamId);
            if (snapshot.isEmpty() || !snapshot.get().type().equals(snapshotTypeOf(fresh).getName())) {
                return fresh;
            }
            return restored(fresh, snapshot.get().data(), snapshot.get().version());
        } catch (RuntimeException unreadable) {
            LOG.log(Level.WARNING, "ignoring the unreadable snapshot of " + streamId + ", replaying the whole stream", unreadable);
            return factory.apply(id);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private A restored(A fresh, String json, long version) {
        ((Snapshottable) fresh).restore(serializer.read(json, snapshotTypeOf(fresh)));
        fresh.restoredAt(version);
        return fresh;
    }

    /** Restores from a kept entry: a fresh copy of its state, or its JSON read. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private A restored(A fresh, RecentStates.Entry kept) {
        if (kept.copy() == null) {
            return restored(fresh, kept.json(), kept.version());
        }
        Object state = StateCopies.copy(kept.copy())
                .orElseThrow(() -> new IllegalStateException("a kept copy could not be copied again"));
        ((Snapshottable) fresh).restore(state);
        fresh.restoredAt(kept.version());
        return fresh;
    }

    /**
     * Keeps the state this save left for the next load, and stores it as a snapshot when the save
     * crossed a multiple of {@code snapshotEvery}. Failures are logged, never the command's.
     */
    @SuppressWarnings("rawtypes")
    private void keepState(A aggregate, String streamId, long before, long after) {
        if (snapshotEvery == 0 || !(aggregate instanceof Snapshottable snapshottable)) {
            return;
        }
        RecentStates.Entry kept;
        try {
            Object state = snapshottable.snapshot();
            Optional<Object> copy = StateCopies.copy(state);
            kept = new RecentStates.Entry(after, copy.orElse(null), copy.isPresent() ? null : serializer.write(state));
        } catch (RuntimeException unwritable) {
            LOG.log(Level.WARNING, "could not write the state of " + streamId, unwritable);
            recent.forget(streamId);
            return;
        }
        recent.put(streamId, kept);
        if (before / snapshotEvery == after / snapshotEvery) {
            return;
        }
        String type = snapshotTypeOf(aggregate).getName();
        try {
            executor.executor().execute(() -> {
                try {
                    // the kept copy is only ever read, so it is written here, off the command's thread
                    String json = kept.json() != null ? kept.json() : serializer.write(kept.copy());
                    store.saveSnapshot(new Snapshot(streamId, after, type, json));
                } catch (RuntimeException failed) {
                    LOG.log(Level.WARNING, "could not save the snapshot of " + streamId + " at version " + after, failed);
                }
            });
        } catch (RejectedExecutionException saturated) {
            LOG.log(Level.WARNING, "skipped the snapshot of " + streamId + ": executor saturated", saturated);
        }
    }

    private Class<?> snapshotTypeOf(A aggregate) {
        if (snapshotType == null) {
            snapshotType = GenericTypes.argument(aggregate.getClass(), Snapshottable.class, 0)
                    .orElseThrow(() -> new IllegalStateException(aggregate.getClass().getName()
                            + " must declare the snapshot type of Snapshottable<S>"));
        }
        return snapshotType;
    }
}
