package io.annals.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page (see {@code web.xml}): whatever the container itself answers — an
 * unknown path outside the API, a failure before JAX-RS — becomes a problem instead of HTML. Its
 * name is neutral because the container may quote it in a status line.
 */
@WebServlet(name = "problem-page", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/problem-page";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri != null ? uri.toString() : request.getRequestURI();
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        response.setHeader("Server", "");
        if (failure != null) {
            Problem problem = Problems.problemOf(failure, instance);
            ProblemWriter.write(response, problem);
            return;
        }
        int code = status instanceof Integer value ? value : 404;
        if (code == 405 && response.getHeader("Allow") == null) {
            response.setHeader("Allow", "GET, HEAD");
        }
        ProblemWriter.write(response, Problems.ofStatus(code, instance));
    }
}
