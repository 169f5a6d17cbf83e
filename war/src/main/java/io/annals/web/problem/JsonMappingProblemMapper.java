package io.annals.web.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that does not fit the request's shape as a problem (see {@link JsonParseProblemMapper} for why). */
@Provider
@Priority(Priorities.USER - 100)
public class JsonMappingProblemMapper implements ExceptionMapper<JsonMappingException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(JsonMappingException failure) {
        return Problems.toResponse(failure, request.getRequestURI());
    }
}
