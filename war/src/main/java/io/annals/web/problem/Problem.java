package io.annals.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem: {@code type} ends with a stable code ({@code …:insufficient-funds}),
 * {@code errors} lists the broken fields of a 400, {@code errorId} names a 500 in the server log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:annals:problem:";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    public static Problem of(int status, String code, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, instance, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, errorId);
    }

    public Problem withDetail(String text) {
        return new Problem(type, title, status, text, instance, errors, errorId);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }

    /** One broken field of a request. */
    public record FieldError(String field, String message) {
    }
}
