package io.annals.web.idempotency;

import java.util.Optional;

/**
 * What claiming an idempotency key found: the key is now this request's ({@link #CLAIMED}), an
 * earlier response to replay, the key used with another body, or a first request still running.
 */
public record Claim(Outcome outcome, Optional<StoredResponse> earlier) {

    /** What the request does next. */
    public enum Outcome {
        CLAIMED, REPLAY, DIFFERENT_BODY, IN_PROGRESS
    }

    static Claim of(Outcome outcome) {
        return new Claim(outcome, Optional.empty());
    }

    static Claim replay(StoredResponse response) {
        return new Claim(Outcome.REPLAY, Optional.of(response));
    }
}
