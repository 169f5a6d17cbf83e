package io.annals.web.problem;

import io.annals.web.problem.Problem.FieldError;
import java.util.List;

/** A request the HTTP layer refuses before any command runs: a bad query parameter, a missing body. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static BadRequestException field(String field, String message) {
        return new BadRequestException("The request is invalid.", List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
