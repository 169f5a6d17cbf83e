/**
 * A tiny domain the processor contracts run on: {@link io.annals.core.testing.tally.TallyCounted}
 * events feed the {@code tally} projection (whose read model is a
 * {@link io.annals.core.testing.tally.TallyStore} the store under test provides) and the
 * {@link io.annals.core.testing.tally.TallySaga}, which acknowledges each count with a command.
 * {@link io.annals.core.testing.tally.FailurePlan} makes deliveries fail or "crash" on purpose.
 */
package io.annals.core.testing.tally;
