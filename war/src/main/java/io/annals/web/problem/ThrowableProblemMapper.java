package io.annals.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every failure of a resource, including JAX-RS's own 404/405/406/415, as a problem. */
@Provider
public class ThrowableProblemMapper implements ExceptionMapper<Throwable> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        return Problems.toResponse(failure, request.getRequestURI());
    }
}
