package io.annals.web.http;

import io.annals.web.problem.BadRequestException;

/** Request bodies: a command endpoint without one answers 400, not a NullPointerException. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw BadRequestException.field("body", "must be a JSON object");
        }
        return body;
    }
}
