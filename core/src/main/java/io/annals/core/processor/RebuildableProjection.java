package io.annals.core.processor;

/**
 * Optional SPI of a {@link Projection} bean that can be rebuilt while the application keeps
 * serving. A rebuild calls {@link #startRebuild()}, then replays the whole log into the fresh
 * target on a second processor (its handler calls see {@link RebuildScope#isActive()} true and must
 * write to the fresh target), while the live processor keeps feeding the current target, which keeps
 * answering queries. Once the replay has caught up, {@link #switchToRebuilt()} runs inside the
 * checkpoint commit that moves the live checkpoint to the replay's position. A rebuild that cannot
 * finish calls {@link #abandonRebuild()}.
 * <p>
 * In memory, {@link SwitchableReadModel} does all of this; a database read model can build into a
 * second table (or a new generation of rows) and switch in the same transaction as the checkpoint.
 */
public interface RebuildableProjection {

    /** Prepares an empty target for a replay, discarding what an earlier unfinished rebuild left. */
    void startRebuild();

    /** Makes the rebuilt target the one queries read and live events update; the old one is dropped. */
    void switchToRebuilt();

    /** Drops the target of the rebuild; the current one stays. */
    void abandonRebuild();
}
