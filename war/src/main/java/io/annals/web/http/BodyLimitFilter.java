package io.annals.web.http;

import io.annals.web.problem.ProblemWriter;
import io.annals.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Answers 413 to a JSON body over 1 MiB: by its {@code Content-Length}, or, for a chunked body, by
 * buffering at most 1 MiB + 1 byte. A request whose media types JAX-RS refuses anyway (415/406)
 * goes on without its oversize body, because those checks come first.
 */
public class BodyLimitFilter extends HttpFilter {

    static final int LIMIT = 1 << 20;
    /** How much of an oversize body is read and discarded before answering; beyond it the connection closes. */
    private static final long DRAIN_LIMIT = 16L << 20;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= LIMIT) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
        boolean oversize = body.length > LIMIT;
        if (oversize) {
            // reading the rest (within reason) lets the client read the answer instead of a reset connection
            if (drain(request.getInputStream()) > DRAIN_LIMIT) {
                response.setHeader("Connection", "close");
            }
            body = new byte[0];
        }
        if (oversize && hasJsonBody(request) && acceptsJson(request)) {
            ProblemWriter.write(response, Problems.ofStatus(413, request.getRequestURI()));
            return;
        }
        // JAX-RS answers 415/406 before it reads a body, so an oversize one is never seen
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        for (int read; drained <= DRAIN_LIMIT && (read = in.read(buffer)) >= 0; ) {
            drained += read;
        }
        return drained;
    }

    private static boolean hasJsonBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String media = type.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String media = range.split(";", 2)[0].trim();
            if (media.equals("*/*") || media.equals("application/*") || media.equals("application/json")
                    || media.equals("application/problem+json")) {
                return true;
            }
        }
        return false;
    }

    /** The request with its already-read body served from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }
            };
        }
    }
}
