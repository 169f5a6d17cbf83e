package io.annals.core.store;

/**
 * The commit of an append failed in a way that leaves its outcome unknown. Retrying with the same
 * event ids is safe: the idempotency rule turns an append that did land into a success.
 */
public class AppendOutcomeUnknownException extends EventStoreException {

    public AppendOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
