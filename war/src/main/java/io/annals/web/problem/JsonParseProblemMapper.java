package io.annals.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Malformed JSON as a problem. Mapped by its exact type because Jersey's Jackson module brings its
 * own mapper for it, which would otherwise answer in plain text with class names.
 */
@Provider
@Priority(Priorities.USER - 100)
public class JsonParseProblemMapper implements ExceptionMapper<JsonParseException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(JsonParseException failure) {
        return Problems.toResponse(failure, request.getRequestURI());
    }
}
