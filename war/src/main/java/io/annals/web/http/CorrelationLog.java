package io.annals.web.http;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the correlation id of the request a thread is handling in front of every log line the
 * application ({@code io.annals.*}) writes, so a line can be traced to its request. It runs as a
 * handler on the {@code io.annals} logger, which sees a record before the server's own handlers
 * format it.
 */
public final class CorrelationLog extends Handler {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final String ROOT_LOGGER = "io.annals";
    private static final CorrelationLog INSTANCE = new CorrelationLog();

    private CorrelationLog() {
    }

    /** Starts tagging this thread's lines with {@code correlationId}. */
    public static void begin(String correlationId) {
        CURRENT.set(correlationId);
    }

    public static void end() {
        CURRENT.remove();
    }

    public static void install() {
        Logger logger = Logger.getLogger(ROOT_LOGGER);
        logger.removeHandler(INSTANCE);
        logger.addHandler(INSTANCE);
    }

    public static void uninstall() {
        Logger.getLogger(ROOT_LOGGER).removeHandler(INSTANCE);
    }

    @Override
    public void publish(LogRecord record) {
        String correlationId = CURRENT.get();
        if (correlationId != null && record.getMessage() != null && !record.getMessage().startsWith("[correlationId=")) {
            record.setMessage("[correlationId=" + correlationId + "] " + record.getMessage());
        }
    }

    @Override
    public void flush() {
        // nothing is buffered: the server's handlers write the line
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
