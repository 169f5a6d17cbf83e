package io.annals.core.processor;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An in-memory read model that can be rebuilt beside the live one: queries read {@link #live()},
 * event handlers write {@link #target()}, which is the fresh model during a rebuild's replay and the
 * live one otherwise. The model type must tolerate a reader and a writer at once (a concurrent map,
 * say). A projection bean delegates to it by implementing {@link SwitchableProjection}.
 *
 * @param <M> the read model
 */
public final class SwitchableReadModel<M> implements RebuildableProjection {

    private final Supplier<M> empty;
    private volatile M live;
    private volatile M rebuilding;

    public SwitchableReadModel(Supplier<M> empty) {
        this.empty = Objects.requireNonNull(empty, "empty");
        this.live = Objects.requireNonNull(empty.get(), "the empty model");
    }

    /** The model queries read. */
    public M live() {
        return live;
    }

    /**
     * The model the calling event handler writes.
     *
     * @throws IllegalStateException called by a rebuild that was not started through this model
     */
    public M target() {
        if (!RebuildScope.isActive()) {
            return live;
        }
        M fresh = rebuilding;
        if (fresh == null) {
            throw new IllegalStateException("a rebuild delivers events but no rebuild target was started");
        }
        return fresh;
    }

    @Override
    public synchronized void startRebuild() {
        rebuilding = Objects.requireNonNull(empty.get(), "the empty model");
    }

    @Override
    public synchronized void switchToRebuilt() {
        if (rebuilding == null) {
            throw new IllegalStateException("no rebuild to switch to");
        }
        live = rebuilding;
        rebuilding = null;
    }

    @Override
    public synchronized void abandonRebuild() {
        rebuilding = null;
    }
}
