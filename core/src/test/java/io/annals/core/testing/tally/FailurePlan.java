package io.annals.core.testing.tally;

import io.annals.core.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What should go wrong in this container: poisoned counters, flaky ones, and one-off crashes. */
@ApplicationScoped
public class FailurePlan {

    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> flaky = new ConcurrentHashMap<>();
    private final AtomicInteger commandsHandled = new AtomicInteger();
    private volatile long crashAtPosition = -1;
    private volatile boolean crashBeforeCommand;
    private volatile boolean crashAfterCommand;

    /** Every delivery of this counter's events fails. */
    public void poison(String counter) {
        poisoned.add(counter);
    }

    public void cure(String counter) {
        poisoned.remove(counter);
    }

    /** The first {@code times} deliveries of this counter's events fail. */
    public void failFirst(String counter, int times) {
        flaky.put(counter, new AtomicInteger(times));
    }

    /** The process "dies" once, when the projection is about to apply the event at this position. */
    public void crashWhenProjecting(long position) {
        crashAtPosition = position;
    }

    /** The process "dies" once, after the saga read an event and before it issues its command. */
    public void crashBeforeCommand() {
        crashBeforeCommand = true;
    }

    /** The process "dies" once, after the command stored its events and before the saga's checkpoint moves. */
    public void crashAfterCommand() {
        crashAfterCommand = true;
    }

    /** How often the acknowledgement handler ran in this container. */
    public int commandsHandled() {
        return commandsHandled.get();
    }

    void beforeProjecting(EventEnvelope<TallyCounted> event) {
        if (event.position() == crashAtPosition) {
            crashAtPosition = -1;
            throw new SimulatedCrash("while projecting position " + event.position());
        }
        failIfPlanned(event.payload().counter());
    }

    void failIfPlanned(String counter) {
        if (poisoned.contains(counter)) {
            throw new IllegalStateException("counter " + counter + " is poisoned");
        }
        AtomicInteger remaining = flaky.get(counter);
        if (remaining != null && remaining.getAndDecrement() > 0) {
            throw new IllegalStateException("counter " + counter + " is flaky");
        }
    }

    void beforeCommand() {
        if (crashBeforeCommand) {
            crashBeforeCommand = false;
            throw new SimulatedCrash("between the event and the saga's command");
        }
    }

    void afterCommand() {
        commandsHandled.incrementAndGet();
        if (crashAfterCommand) {
            crashAfterCommand = false;
            throw new SimulatedCrash("after the command stored its events");
        }
    }
}
