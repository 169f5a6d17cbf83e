package io.annals.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on 127.0.0.1 and a random port that records every request and can refuse
 * some: the first {@code k} requests, or every request whose body matches a rule.
 */
public final class RecordingWebhook implements AutoCloseable {

    /** One received request and the status it was answered with. */
    public record Delivery(String eventId, String signature, String contentType, String body, int status) {

        public boolean accepted() {
            return status / 100 == 2;
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private volatile Predicate<String> refuse = body -> false;

    private RecordingWebhook(HttpServer server) {
        this.server = server;
    }

    public static RecordingWebhook start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingWebhook webhook = new RecordingWebhook(server);
            server.createContext("/hook", webhook::handle);
            server.start();
            return webhook;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test webhook", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The next {@code count} requests are answered 503. */
    public RecordingWebhook failFirst(int count) {
        failFirst.set(count);
        return this;
    }

    /** Requests whose body matches are answered 500 (until {@link #heal()}). */
    public RecordingWebhook refuseWhen(Predicate<String> rule) {
        refuse = rule;
        return this;
    }

    public RecordingWebhook heal() {
        refuse = body -> false;
        failFirst.set(0);
        return this;
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The event ids of the accepted requests, in arrival order. */
    public synchronized List<String> acceptedEventIds() {
        return deliveries.stream().filter(Delivery::accepted).map(Delivery::eventId).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status;
        if (!"POST".equals(exchange.getRequestMethod())) {
            status = 405;
        } else if (failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 503;
        } else if (refuse.test(body)) {
            status = 500;
        } else {
            status = 204;
        }
        synchronized (this) {
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Annals-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Annals-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
