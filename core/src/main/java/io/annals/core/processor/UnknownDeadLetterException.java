package io.annals.core.processor;

import java.util.NoSuchElementException;
import java.util.UUID;

/** No dead letter has this id (HTTP 404). */
public class UnknownDeadLetterException extends NoSuchElementException {

    private final UUID id;

    public UnknownDeadLetterException(UUID id) {
        super("no dead letter " + id);
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
