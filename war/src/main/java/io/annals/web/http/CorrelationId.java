package io.annals.web.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Correlation-Id} header: at most 128 characters of {@code A-Z a-z 0-9 . _ : -}. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** The request attribute holding the request's (given or generated) correlation id. */
    public static final String ATTRIBUTE = CorrelationId.class.getName();
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /** The header's value when valid; a fresh id when absent or invalid (an invalid one is never echoed). */
    public static String echoable(String header) {
        return isValid(header) ? header : generate();
    }
}
