package io.annals.web.http;

import io.annals.core.context.AsyncContext;
import io.annals.core.context.CurrentContext;
import io.annals.web.problem.Problem;
import io.annals.web.problem.ProblemWriter;
import io.annals.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;

/**
 * First on every request: blanks the {@code Server} header, takes or generates the correlation id
 * (400 for an invalid one) and echoes it, refuses work while shutting down, and sets the request's
 * {@link AsyncContext} — correlation id and authenticated principal — so every command or query
 * dispatched for the request, and every event it stores, carries them.
 */
public class RequestContextFilter extends HttpFilter {

    @Inject
    CurrentContext current;

    @Inject
    ShutdownGate gate;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Server", "");
        String header = request.getHeader(CorrelationId.HEADER);
        String correlationId = CorrelationId.echoable(header);
        response.setHeader(CorrelationId.HEADER, correlationId);
        request.setAttribute(CorrelationId.ATTRIBUTE, correlationId);
        if (header != null && !CorrelationId.isValid(header)) {
            ProblemWriter.write(response, Problem.of(400, "validation", "Bad Request", "The request is invalid; see errors.",
                    request.getRequestURI()).withErrors(List.of(new Problem.FieldError(CorrelationId.HEADER,
                    "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -"))));
            return;
        }
        if (!gate.enter()) {
            response.setHeader("Retry-After", Problems.RETRY_AFTER_SECONDS);
            ProblemWriter.write(response, Problem.of(503, "shutting-down", "Service Unavailable",
                    "The service is stopping; nothing was done. Retry after " + Problems.RETRY_AFTER_SECONDS + " seconds.",
                    request.getRequestURI()));
            return;
        }
        CorrelationLog.begin(correlationId);
        try {
            Principal principal = request.getUserPrincipal();
            AsyncContext context = AsyncContext.withCorrelation(correlationId);
            current.set(principal == null ? context : context.withPrincipal(principal.getName()));
            chain.doFilter(request, response);
        } finally {
            CorrelationLog.end();
            gate.leave();
        }
    }
}
