package io.annals.core.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One rebuild of a projection: a second tracking processor replays the log from position 0 into
 * the projection's fresh target while the live processor keeps feeding the current one. Once the
 * replay has caught up, the live processor is paused, the replay drains to the head, and one commit
 * moves the live checkpoint to the replay's position and switches the projection to the rebuilt
 * target. Events the replay gave up on are kept aside and parked only at the switch, where the old
 * target's dead letters are marked {@link DeadLetterState#SUPERSEDED} unless the replay failed on
 * the same event (that entry stays parked).
 */
final class RebuildRun {

    private static final Logger LOG = Logger.getLogger(RebuildRun.class.getName());

    private final TrackingProcessor live;
    private final String liveCursor;
    private final RebuildableProjection target;
    private final TrackingSetup setup;
    private final TrackingProcessor replay;
    private final List<DeadLetter> parkedByReplay = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private volatile boolean finished;

    RebuildRun(TrackingProcessor live, String liveCursor, RebuildableProjection target, TrackingSetup setup) {
        this.live = live;
        this.liveCursor = liveCursor;
        this.target = target;
        this.setup = setup;
        String replayCursor = liveCursor + ":rebuild";
        setup.checkpoints().reset(replayCursor);
        target.startRebuild();
        this.replay = new TrackingProcessor(live.processor(), replayCursor, setup, null, this::keepAside, true);
    }

    boolean finished() {
        return finished;
    }

    /**
     * Replays one batch, or switches when the replay has caught up.
     *
     * @return true once the rebuild is over (switched or abandoned)
     */
    synchronized boolean step() {
        if (finished) {
            return true;
        }
        if (!live.holdsLease()) {
            LOG.warning(() -> "abandoning the rebuild of " + live.name() + ": another instance took its lease");
            abandon();
            return true;
        }
        if (replay.poll() > 0) {
            return false;
        }
        live.exclusively(this::switchOver);
        finished = true;
        LOG.info(() -> live.name() + " rebuilt up to position " + replay.position());
        return true;
    }

    synchronized void abandon() {
        if (!finished) {
            finished = true;
            target.abandonRebuild();
        }
    }

    RebuildProgress progress() {
        long done = replay.position();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return new RebuildProgress(done, Math.max(done, setup.store().headPosition()), seconds > 0 ? done / seconds : 0);
    }

    private void switchOver() {
        while (replay.poll() > 0) {
            // drain what arrived since the replay last caught up; the live processor is paused
        }
        long caughtUp = replay.position();
        Runnable switchAndSortDeadLetters = () -> {
            target.switchToRebuilt();
            sortDeadLetters();
        };
        if (caughtUp > live.position()) {
            setup.checkpoints().commit(liveCursor, caughtUp, switchAndSortDeadLetters);
        } else {
            live.inCommit(switchAndSortDeadLetters);
        }
    }

    /**
     * The old target's parked entries are superseded, except those the replay gave up on too: they
     * stay parked with the replay's error. The replay's other failures are parked now.
     */
    private void sortDeadLetters() {
        Map<UUID, DeadLetter> failedAgain = new HashMap<>();
        parkedByReplay.forEach(letter -> failedAgain.put(letter.eventId(), letter));
        for (DeadLetter old : setup.deadLetters().parked()) {
            if (!old.processor().equals(live.name())) {
                continue;
            }
            DeadLetter again = failedAgain.remove(old.eventId());
            setup.deadLetters().update(again != null
                    ? new DeadLetter(old.id(), old.processor(), old.eventId(), old.position(), again.error(),
                            old.attempts() + again.attempts(), old.parkedAt(), old.state(), old.resolvedAt())
                    : old.resolved(DeadLetterState.SUPERSEDED, setup.clock().instant()));
        }
        parkedByReplay.stream().filter(letter -> failedAgain.containsKey(letter.eventId())).forEach(setup.deadLetters()::park);
    }

    private void keepAside(DeadLetter letter) {
        parkedByReplay.add(letter);
    }
}
