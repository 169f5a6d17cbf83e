package io.annals.web.problem;

/**
 * A refusal the HTTP layer itself decides, with its status and problem code (an idempotency key
 * reused with another body, a request while shutting down).
 */
public class HttpProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;

    public HttpProblemException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
