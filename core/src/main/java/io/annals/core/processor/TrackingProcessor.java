package io.annals.core.processor;

import io.annals.core.store.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds one processor from the global log: reads a batch after the checkpoint and moves the
 * checkpoint past it, also over events the processor does not take.
 * <p>
 * A saga's batch, and a projection's with an {@link CheckpointStore#atomic() atomic} checkpoint
 * store, commit together with the checkpoint; a projection on a store without transactions, and a
 * forwarder (whose deliveries leave the process anyway), commit every event with its own checkpoint,
 * so a failure never makes them deliver an applied event again. (A saga may see part of a batch
 * twice: its commands' deterministic ids make that harmless.) When a delivery fails, the batch's
 * events are committed one by one, and the failing event is tried up to the retry policy's attempts
 * with exponential backoff, each attempt in its own commit. Then it is parked as a
 * {@link DeadLetter} in the same commit that moves the checkpoint past it, and the processor goes on.
 * <p>
 * Ordering consequence: the events after a parked one are applied without it, and a later retry
 * applies it after them. A projection whose handlers depend on the order of one stream's events sees
 * that stream out of order until the dead letter is retried; a rebuild restores the log's order.
 * <p>
 * A failure of the checkpoint store itself (the database is down) is not the event's fault: the
 * poll fails, the processor reports {@link ProcessorState#FAILING}, and the next poll starts again
 * from the checkpoint.
 */
public class TrackingProcessor {

    private static final Logger LOG = Logger.getLogger(TrackingProcessor.class.getName());
    static final Duration SKIP_COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final StoredEventProcessor processor;
    private final String cursor;
    private final TrackingSetup setup;
    private final RetryPolicy retries;
    private final LeaseKeeper lease;
    private final Consumer<DeadLetter> parking;
    private final boolean replay;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong failures = new AtomicLong();
    private volatile ProcessorState state = ProcessorState.RUNNING;
    private volatile String lastError;
    /** Events this processor does not take, passed without a commit yet; see {@link #passesWithoutCommit}. */
    private volatile Skipped skipped = Skipped.NONE;
    private Instant lastCommit = Instant.MIN;

    TrackingProcessor(StoredEventProcessor processor, String cursor, TrackingSetup setup, LeaseKeeper lease,
                      Consumer<DeadLetter> parking, boolean replay) {
        this.processor = processor;
        this.cursor = cursor;
        this.setup = setup;
        this.retries = processor.retryPolicy().orElse(setup.retries());
        this.lease = lease;
        this.parking = parking;
        this.replay = replay;
    }

    public String name() {
        return processor.name();
    }

    public ProcessorKind kind() {
        return processor.kind();
    }

    /** Handles one batch; returns how many events it read (0: caught up, or the lease is held elsewhere). */
    public int poll() {
        lock.lock();
        try {
            if (lease != null && !lease.hold()) {
                return 0;
            }
            long durable = setup.checkpoints().position(cursor);
            long checkpoint = skipped.from(durable);
            List<StoredEvent> batch = setup.store().readAll(checkpoint, setup.batchSize());
            if (!batch.isEmpty()) {
                checkContiguous(checkpoint, batch.get(0));
                if (passesWithoutCommit(batch)) {
                    skipped = new Skipped(durable, batch.get(batch.size() - 1).position());
                } else {
                    if (!commitsBatches() || !commitBatch(batch)) {
                        commitEventByEvent(checkpoint, batch);
                    }
                    lastCommit = setup.clock().instant();
                }
            }
            if (state == ProcessorState.FAILING) {
                state = ProcessorState.RUNNING;
            }
            return batch.size();
        } catch (RuntimeException failure) {
            state = ProcessorState.FAILING;
            lastError = describe(failure);
            throw failure;
        } finally {
            lock.unlock();
        }
    }

    /** Polls until the checkpoint reaches the head position seen at the start. */
    public void catchUp() {
        long head = setup.store().headPosition();
        while (position() < head && poll() > 0) {
            // each poll handles one batch
        }
    }

    /** The checkpoint, including the events passed over since its last commit. */
    public long position() {
        return skipped.from(setup.checkpoints().position(cursor));
    }

    public ProcessorStatus status() {
        long head = setup.store().headPosition();
        long position = position();
        String owner = lease == null ? null : lease.holder().orElse(null);
        return new ProcessorStatus(name(), kind(), position, head, Math.max(0, head - position), state, lastError, null,
                failures.get(), owner);
    }

    StoredEventProcessor processor() {
        return processor;
    }

    /** Whether this instance may run the processor (it holds the lease, or needs none). */
    boolean holdsLease() {
        return lease == null || lease.hold();
    }

    String leaseHolder() {
        return lease == null ? null : lease.holder().orElse("another instance");
    }

    /** Runs {@code work} while no poll runs. */
    void exclusively(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in a checkpoint-store commit that leaves this processor's checkpoint where it
     * is. The commit moves a counter of its own instead ({@code <name>:redeliveries}), because a
     * store may skip a commit that does not move its checkpoint forward (another instance got there
     * first). Call it while no poll runs.
     */
    void inCommit(Runnable work) {
        String counter = cursor + ":redeliveries";
        setup.checkpoints().commit(counter, setup.checkpoints().position(counter) + 1, work);
    }

    /**
     * Delivers a parked event again, in a commit that leaves the checkpoint where it is; resolves
     * the dead letter on success, records one more failed attempt otherwise.
     */
    DeadLetter redeliver(DeadLetter letter, StoredEvent event) {
        lock.lock();
        try {
            if (!holdsLease()) {
                throw new ProcessorLeaseHeldElsewhereException(name(), leaseHolder());
            }
            DeadLetter retried = letter.resolved(DeadLetterState.RETRIED, setup.clock().instant());
            try {
                inCommit(() -> {
                    deliverAll(List.of(event));
                    setup.deadLetters().update(retried);
                });
                return retried;
            } catch (RuntimeException failure) {
                HandlerFailure handler = HandlerFailure.in(failure).orElseThrow(() -> failure);
                noteFailure(handler);
                DeadLetter again = letter.failedAgain(describe(handler.getCause()));
                setup.deadLetters().update(again);
                return again;
            }
        } finally {
            lock.unlock();
        }
    }

    void stopped() {
        state = ProcessorState.STOPPED;
        if (lease != null) {
            lease.release();
        }
    }

    /**
     * Whether a batch of events the processor takes none of may be passed without a commit: it
     * changes nothing but the checkpoint, so a saga that ignores most of the log does not cost a
     * transaction per append. The checkpoint is committed at the next batch it takes, or when the
     * last commit is older than {@link #SKIP_COMMIT_INTERVAL}; a restart or another instance merely
     * reads those events again and passes them again.
     */
    private boolean passesWithoutCommit(List<StoredEvent> batch) {
        for (StoredEvent event : batch) {
            if (processor.accepts(event.type())) {
                return false;
            }
        }
        return lastCommit.isAfter(setup.clock().instant().minus(SKIP_COMMIT_INTERVAL));
    }

    private boolean commitsBatches() {
        return switch (kind()) {
            // a saga's re-delivered event finds its commands already processed, so replaying part of a batch is harmless
            case SAGA -> true;
            case PROJECTION -> setup.checkpoints().atomic();
            case FORWARDER -> false;
        };
    }

    /** Commits the batch at once; false when a delivery failed and the store rolled the batch back. */
    private boolean commitBatch(List<StoredEvent> batch) {
        long last = batch.get(batch.size() - 1).position();
        try {
            setup.checkpoints().commit(cursor, last, () -> deliverAll(batch));
            return true;
        } catch (RuntimeException failure) {
            HandlerFailure handler = HandlerFailure.in(failure).orElseThrow(() -> failure);
            noteFailure(handler);
            LOG.log(Level.FINE, handler, () -> name() + " failed at position " + handler.event().position()
                    + "; committing the batch event by event");
            return false;
        }
    }

    private void commitEventByEvent(long checkpoint, List<StoredEvent> batch) {
        long committed = checkpoint;
        for (StoredEvent event : batch) {
            if (processor.accepts(event.type())) {
                deliverWithRetries(event);
                committed = event.position();
            }
        }
        long last = batch.get(batch.size() - 1).position();
        if (committed < last) {
            setup.checkpoints().commit(cursor, last, () -> { });
        }
    }

    private void deliverWithRetries(StoredEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                setup.checkpoints().commit(cursor, event.position(), () -> deliverAll(List.of(event)));
                return;
            } catch (RuntimeException failure) {
                HandlerFailure handler = HandlerFailure.in(failure).orElseThrow(() -> failure);
                noteFailure(handler);
                if (handler.permanent() || attempt >= retries.maxAttempts()) {
                    park(event, handler, attempt);
                    return;
                }
                int failed = attempt;
                LOG.log(Level.FINE, handler, () -> name() + " retries the event at position " + event.position()
                        + " after attempt " + failed);
                pause(retries.backoffAfter(attempt));
            }
        }
    }

    /** Delivers the events in one {@link CheckpointBatch}; a failed write counts as the last event's failure. */
    private void deliverAll(List<StoredEvent> events) {
        StoredEvent last = events.get(events.size() - 1);
        processor.inBatch(() -> CheckpointBatch.run(() -> events.forEach(this::deliverOnce),
                failure -> new HandlerFailure(last, failure)));
    }

    private void deliverOnce(StoredEvent event) {
        if (!processor.accepts(event.type())) {
            return;
        }
        try {
            if (replay) {
                RebuildScope.run(() -> processor.handle(event));
            } else {
                processor.handle(event);
            }
        } catch (RuntimeException failure) {
            throw new HandlerFailure(event, failure);
        }
    }

    private void park(StoredEvent event, HandlerFailure handler, int attempts) {
        DeadLetter letter = DeadLetter.parked(name(), event.eventId(), event.position(), describe(handler.getCause()),
                attempts, setup.clock().instant());
        setup.checkpoints().commit(cursor, event.position(), () -> parking.accept(letter));
        setup.unhandled().publish(event, handler.getCause(), name());
    }

    private void noteFailure(HandlerFailure handler) {
        failures.incrementAndGet();
        lastError = describe(handler.getCause());
    }

    private void checkContiguous(long checkpoint, StoredEvent first) {
        if (first.position() != checkpoint + 1) {
            LOG.severe(() -> name() + " expected position " + (checkpoint + 1) + " but the log continues at "
                    + first.position() + ": the global log has a gap");
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", interrupted);
        }
    }

    /**
     * Events passed without a commit, up to {@code position}, valid only while the durable
     * checkpoint is still {@code base}: a reset, a rebuild's switch or another instance's commit
     * moves it, and the passed events are then read again.
     */
    private record Skipped(long base, long position) {
        static final Skipped NONE = new Skipped(-1, -1);

        long from(long durable) {
            return durable == base ? position : durable;
        }
    }
}
