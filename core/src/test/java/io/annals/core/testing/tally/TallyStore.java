package io.annals.core.testing.tally;

import io.annals.core.processor.RebuildableProjection;
import java.util.List;
import java.util.Map;

/**
 * The tally projection's read model, provided by the store under test. Its writes must commit with
 * the processor's checkpoint (inside {@link io.annals.core.processor.CheckpointStore#commit}), and
 * during a rebuild ({@link io.annals.core.processor.RebuildScope#isActive()}) they go to the fresh
 * target, which {@link #switchToRebuilt()} makes live.
 */
public interface TallyStore extends RebuildableProjection {

    /** Adds {@code amount} to {@code counter} and records that the event at {@code position} was applied. */
    void add(String counter, long amount, long position);

    /** The live target's totals per counter. */
    Map<String, Long> totals();

    /** The live target's applied positions in the order they were applied. */
    List<Long> appliedPositions();
}
