package io.annals.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.annals.core.aggregate.AggregateNotFoundException;
import io.annals.core.aggregate.DomainException;
import io.annals.core.aggregate.StaleVersionException;
import io.annals.core.command.CommandConflictException;
import io.annals.core.command.CommandTimeoutException;
import io.annals.core.dispatch.MessageValidationException;
import io.annals.core.processor.ProcessorConflictException;
import io.annals.core.processor.UnknownDeadLetterException;
import io.annals.core.processor.UnknownProcessorException;
import io.annals.core.store.AppendOutcomeUnknownException;
import io.annals.core.store.EventStoreUnavailableException;
import io.annals.web.problem.Problem.FieldError;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exception families become HTTP problems (SPEC.md's error table). Details are
 * written for clients: never a stack trace, a class name or SQL. An unexpected failure is logged
 * with a fresh error id that the 500 response repeats.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());
    /** Seconds a client should wait before retrying when the database is unavailable. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private Problems() {
    }

    /** The response for a failure while handling {@code instance} (the request path). */
    public static Response toResponse(Throwable failure, String instance) {
        Throwable cause = unwrap(failure);
        Problem problem = problemOf(cause, instance);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (cause instanceof NotAllowedException notAllowed) {
            String allow = notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"annals\", charset=\"UTF-8\"");
        }
        return response.build();
    }

    /** A problem for a bare status code (container error pages, filters), with no exception behind it. */
    public static Problem ofStatus(int status, String instance) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad Request", "The request is malformed.", instance);
            case 401 -> unauthorized(instance);
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "You are not allowed to do this.", instance);
            case 404 -> notFound("There is nothing at this address.", instance);
            case 405 -> Problem.of(405, "method-not-allowed", "Method Not Allowed",
                    "This resource does not support the request's method.", instance);
            case 406 -> Problem.of(406, "not-acceptable", "Not Acceptable",
                    "The resource cannot answer in a media type the request accepts; ask for application/json.", instance);
            case 413 -> Problem.of(413, "payload-too-large", "Content Too Large", "The body must not exceed 1 MiB.", instance);
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "Send the body as application/json.", instance);
            case 503 -> unavailable(instance);
            default -> status >= 500
                    ? Problem.of(status, "internal-error", "Internal Server Error", "The server failed to handle the request.", instance)
                    : Problem.of(status, "http-" + status, "HTTP " + status, "The request was refused.", instance);
        };
    }

    public static Problem unauthorized(String instance) {
        return Problem.of(401, "unauthorized", "Unauthorized",
                "Valid credentials are required (HTTP Basic).", instance);
    }

    static Problem problemOf(Throwable cause, String instance) {
        if (cause instanceof MessageValidationException invalid) {
            List<FieldError> errors = invalid.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
            return validation(instance, errors);
        }
        if (cause instanceof BadRequestException bad) {
            return validation(instance, bad.errors()).withDetail(bad.getMessage());
        }
        if (cause instanceof JsonParseException parse) {
            return Problem.of(400, "malformed-json", "Bad Request", "The body is not well-formed JSON"
                    + location(parse) + ".", instance);
        }
        if (cause instanceof JsonMappingException mapping) {
            return validation(instance, List.of(fieldErrorOf(mapping)));
        }
        if (cause instanceof JsonProcessingException) {
            return Problem.of(400, "malformed-json", "Bad Request", "The body is not well-formed JSON.", instance);
        }
        if (cause instanceof AggregateNotFoundException missing) {
            return notFound(missing.getMessage(), instance);
        }
        if (cause instanceof UnknownProcessorException || cause instanceof UnknownDeadLetterException) {
            return notFound(cause.getMessage(), instance);
        }
        if (cause instanceof ProcessorConflictException conflict) {
            return Problem.of(409, "processor-conflict", "Conflict", conflict.getMessage(), instance);
        }
        if (cause instanceof StaleVersionException stale) {
            return Problem.of(412, "stale-version", "Precondition Failed", "The resource is at version " + stale.actual()
                    + ", not at the version " + stale.expected() + " that If-Match requires.", instance);
        }
        if (cause instanceof DomainException refused) {
            return Problem.of(422, refused.code(), "Unprocessable Content", refused.getMessage(), instance);
        }
        if (cause instanceof CommandConflictException) {
            return Problem.of(409, "conflict", "Conflict",
                    "Concurrent changes to the same resource kept conflicting; nothing was stored. Try again.", instance);
        }
        if (cause instanceof HttpProblemException http) {
            return Problem.of(http.status(), http.code(), http.title(), http.getMessage(), instance);
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return status >= 500 ? internal(cause, instance) : ofStatus(status, instance);
        }
        if (outcomeUnknown(cause)) {
            // checked before "unavailable": a lost connection at commit does not mean nothing was stored
            return internal(cause, instance, "The server could not confirm whether the request took effect; repeat it"
                    + " with the same Idempotency-Key to find out");
        }
        if (isUnavailable(cause)) {
            LOG.log(Level.WARNING, "database unavailable while handling " + instance + ": " + cause.getMessage());
            return unavailable(instance);
        }
        return internal(cause, instance);
    }

    private static Problem validation(String instance, List<FieldError> errors) {
        return Problem.of(400, "validation", "Bad Request", "The request is invalid; see errors.", instance).withErrors(errors);
    }

    private static Problem notFound(String detail, String instance) {
        return Problem.of(404, "not-found", "Not Found", detail, instance);
    }

    private static Problem unavailable(String instance) {
        return Problem.of(503, "unavailable", "Service Unavailable",
                "The service cannot handle the request right now; retry after " + RETRY_AFTER_SECONDS + " seconds.", instance);
    }

    private static Problem internal(Throwable cause, String instance) {
        return internal(cause, instance, "The server failed to handle the request");
    }

    private static Problem internal(Throwable cause, String instance, String detail) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "error " + errorId + " while handling " + instance, cause);
        return Problem.of(500, "internal-error", "Internal Server Error",
                detail + "; quote error id " + errorId + " when reporting it.", instance)
                .withErrorId(errorId);
    }

    /** Whether an append of the request may or may not have been stored (its commit did not answer). */
    private static boolean outcomeUnknown(Throwable failure) {
        return anyCause(failure, t -> t instanceof AppendOutcomeUnknownException);
    }

    /**
     * Whether the failure means the database (or the server's capacity) is unavailable for now: the
     * store says so, a connection failed (SQLState class 08), or the server's connection pool could
     * not allocate a connection (a resource allocation failure somewhere in the causes).
     */
    private static boolean isUnavailable(Throwable failure) {
        return anyCause(failure, t -> t instanceof EventStoreUnavailableException || t instanceof RejectedExecutionException
                || t instanceof CommandTimeoutException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof ResourceAllocationException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static FieldError fieldErrorOf(JsonMappingException mapping) {
        String field = fieldOf(mapping.getPath());
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(field, "is not a known field");
        }
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() == java.math.BigDecimal.class) {
            return new FieldError(field, invalid.getOriginalMessage());
        }
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() == UUID.class) {
            return new FieldError(field, "must be a UUID");
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(field, "must be " + describe(mismatched.getTargetType()));
        }
        return new FieldError(field, "has an invalid value");
    }

    private static final Map<Class<?>, String> KINDS = Map.of(
            String.class, "a JSON string", java.math.BigDecimal.class, "a JSON number", UUID.class, "a UUID",
            int.class, "an integer", long.class, "an integer", Integer.class, "an integer", Long.class, "an integer",
            boolean.class, "true or false", Boolean.class, "true or false");

    private static String describe(Class<?> type) {
        String kind = KINDS.get(type);
        if (kind != null) {
            return kind;
        }
        return type.isRecord() || !type.getName().startsWith("java.") ? "a JSON object" : "of another type";
    }

    private static String fieldOf(List<JsonMappingException.Reference> path) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                parts.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                parts.add(Integer.toString(reference.getIndex()));
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    private static String location(JsonParseException parse) {
        if (parse.getLocation() == null || parse.getLocation().getLineNr() < 1) {
            return "";
        }
        return " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
