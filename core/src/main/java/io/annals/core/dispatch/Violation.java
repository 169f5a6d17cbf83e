package io.annals.core.dispatch;

/** One broken constraint: the field (property path) and the message. */
public record Violation(String field, String message) {
}
