package io.annals.core.store;

/** The store cannot be reached (database down, pool exhausted); retrying later may succeed. */
public class EventStoreUnavailableException extends EventStoreException {

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
