package io.annals.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for the API: JSON in, {@link Reply} out. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    Request get(String path) {
        return new Request("GET", path, null);
    }

    Request post(String path, String json) {
        return new Request("POST", path, json).header("Content-Type", "application/json");
    }

    Request method(String method, String path) {
        return new Request(method, path, null);
    }

    /** A request being built. */
    final class Request {
        private final HttpRequest.Builder builder;
        private final String method;
        private HttpRequest.BodyPublisher body;

        private Request(String method, String path, String json) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(path.startsWith("http") ? URI.create(path) : base.resolve(path))
                    .timeout(Duration.ofSeconds(60));
            this.body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        }

        Request header(String name, String value) {
            builder.setHeader(name, value);
            return this;
        }

        Request basic(String user, String password) {
            return header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        Request body(HttpRequest.BodyPublisher publisher) {
            this.body = publisher;
            return this;
        }

        Reply send() {
            try {
                HttpResponse<String> response = client.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** A response: status, headers and body (parsed on demand). */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
