package io.annals.web.problem;

import io.annals.web.http.WebJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a problem straight to a servlet response, for answers given outside JAX-RS. */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        byte[] body = WebJson.mapper().writeValueAsBytes(problem);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
