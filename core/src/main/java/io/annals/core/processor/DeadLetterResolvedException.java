package io.annals.core.processor;

import java.util.UUID;

/** The dead letter was already retried, skipped or superseded; it can be neither retried nor skipped again. */
public class DeadLetterResolvedException extends ProcessorConflictException {

    private final UUID id;
    private final DeadLetterState state;

    public DeadLetterResolvedException(DeadLetter letter) {
        super(letter.processor(), "dead letter " + letter.id() + " is already " + letter.state().name().toLowerCase());
        this.id = letter.id();
        this.state = letter.state();
    }

    public UUID id() {
        return id;
    }

    public DeadLetterState state() {
        return state;
    }
}
