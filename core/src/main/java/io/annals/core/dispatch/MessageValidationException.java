package io.annals.core.dispatch;

import java.util.List;
import java.util.stream.Collectors;

/** A command or query broke its Bean Validation constraints; the handler was not called. */
public class MessageValidationException extends RuntimeException {

    private final Class<?> messageType;
    private final List<Violation> violations;

    public MessageValidationException(Class<?> messageType, List<Violation> violations) {
        super(messageType.getSimpleName() + " is invalid: " + violations.stream()
                .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        this.messageType = messageType;
        this.violations = List.copyOf(violations);
    }

    public Class<?> messageType() {
        return messageType;
    }

    public List<Violation> violations() {
        return violations;
    }
}
