package io.annals.core.aggregate;

/** No stream exists for the aggregate; domain modules usually throw a more specific subclass. */
public class AggregateNotFoundException extends RuntimeException {

    private final String streamId;

    public AggregateNotFoundException(String streamId) {
        this("no aggregate is stored in stream '" + streamId + "'", streamId);
    }

    protected AggregateNotFoundException(String message, String streamId) {
        super(message);
        this.streamId = streamId;
    }

    public String streamId() {
        return streamId;
    }
}
