package io.annals.web.http;

import io.annals.web.problem.BadRequestException;

/**
 * Integer query parameters, taken as strings so a bad value is a 400 naming the parameter (JAX-RS
 * itself would answer 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The parameter's value in {@code [min, max]}, or {@code fallback} when absent. */
    public static int intParam(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like an out-of-range value
        }
        throw BadRequestException.field(name, "must be an integer from " + min + " to " + max);
    }

    public static long longParam(String name, String value, long fallback, long min, long max) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like an out-of-range value
        }
        throw BadRequestException.field(name, "must be an integer from " + min + " to " + max);
    }

    /** A path id: a UUID, or 404 (a malformed id names no resource). */
    public static java.util.UUID pathId(String value) {
        try {
            java.util.UUID id = java.util.UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below
        }
        throw new jakarta.ws.rs.NotFoundException();
    }
}
