package io.annals.core.processor;

import java.time.Duration;

/**
 * How often a processor tries one event before parking it, and how long it waits between tries:
 * {@code initialBackoff}, doubled after every failure, at most {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max, was "
                    + initialBackoff + " and " + maxBackoff);
        }
    }

    /** The pause after the {@code failedAttempt}-th failure (1-based). */
    public Duration backoffAfter(int failedAttempt) {
        int doublings = Math.min(Math.max(0, failedAttempt - 1), 30);
        long millis = initialBackoff.toMillis() << doublings;
        return millis < 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }
}
