package io.annals.core.aggregate;

/**
 * The caller pinned a version of an aggregate (HTTP {@code If-Match}) and the aggregate has moved
 * on. Nothing was stored; the bus does not retry a pinned command.
 */
public class StaleVersionException extends RuntimeException {

    private final String streamId;
    private final long expected;
    private final long actual;

    public StaleVersionException(String streamId, long expected, long actual) {
        super("'" + streamId + "' is at version " + actual + ", not at the expected " + expected);
        this.streamId = streamId;
        this.expected = expected;
        this.actual = actual;
    }

    public String streamId() {
        return streamId;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
