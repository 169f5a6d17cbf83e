package io.annals.core.store;

/** The stream was not at the expected version; nothing was stored. */
public class StreamVersionConflictException extends EventStoreException {

    private final String streamId;
    private final ExpectedVersion expected;
    private final long actual;

    public StreamVersionConflictException(String streamId, ExpectedVersion expected, long actual) {
        super("stream '" + streamId + "' expected at version " + expected + " but is at " + actual);
        this.streamId = streamId;
        this.expected = expected;
        this.actual = actual;
    }

    public String streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's version when the append was refused (0: no stream). */
    public long actual() {
        return actual;
    }
}
