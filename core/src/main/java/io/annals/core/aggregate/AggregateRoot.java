package io.annals.core.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An event-sourced aggregate. Command methods decide, then {@link #apply} an event; state changes
 * only in {@link #when}, so replaying history and handling live commands run the same code.
 * Declare {@code E} as a sealed interface over the aggregate's event records: the extension then
 * registers every event type at deployment.
 *
 * @param <ID> the aggregate's id type
 * @param <E> the aggregate's event type (ideally a sealed interface)
 */
public abstract class AggregateRoot<ID, E> {

    private final ID id;
    private long version;
    private final List<E> uncommitted = new ArrayList<>();
    private Consumer<AggregateRoot<ID, E>> committer;
    private boolean autoCommit;

    protected AggregateRoot(ID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public final ID id() {
        return id;
    }

    /** The version of the last stored event this instance has seen; 0 for a new aggregate. */
    public final long version() {
        return version;
    }

    /** Applies a new event: changes state through {@link #when} and keeps it for the next save. */
    protected final void apply(E event) {
        Objects.requireNonNull(event, "event");
        when(event);
        uncommitted.add(event);
        if (autoCommit && committer != null) {
            commit();
        }
    }

    /** The state change an event causes; no decisions and no side effects here. */
    protected abstract void when(E event);

    /** Events applied since the last save. */
    public final List<E> uncommittedEvents() {
        return List.copyOf(uncommitted);
    }

    /** Saves and publishes the uncommitted events through the repository that loaded or created this aggregate. */
    public final void commit() {
        if (committer == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " " + id
                    + " was not loaded or created by a repository: save it with one");
        }
        committer.accept(this);
    }

    /** With auto-commit on, every {@link #apply} saves at once (when a repository is attached). */
    protected final void autoCommit(boolean enabled) {
        this.autoCommit = enabled;
    }

    /** Rebuilds state from past events (versions 1..n) on a fresh instance. */
    public final void loadFromHistory(List<? extends E> history) {
        for (E event : history) {
            replay(event, version + 1);
        }
    }

    final void replay(E event, long eventVersion) {
        when(event);
        version = eventVersion;
    }

    final void restoredAt(long snapshotVersion) {
        version = snapshotVersion;
    }

    final void markCommitted(long storedVersion) {
        uncommitted.clear();
        version = storedVersion;
    }

    final void attach(Consumer<AggregateRoot<ID, E>> repositoryCommit) {
        this.committer = repositoryCommit;
    }
}
