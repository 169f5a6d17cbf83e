package io.annals.core.forward;

import io.annals.core.store.StoredEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs each event's JSON to a webhook with {@code X-Annals-Event-Id} (receivers de-duplicate by
 * it: delivery is at least once) and, with a secret, {@code X-Annals-Signature}. Any 2xx is success.
 */
final class HttpDestination implements Destination {

    static final String EVENT_ID_HEADER = "X-Annals-Event-Id";

    private final URI url;
    private final String secret;
    private final Duration timeout;
    private final HttpClient client;

    HttpDestination(URI url, String secret, Duration timeout) {
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void deliver(StoredEvent event, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, event.eventId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(WebhookSignature.HEADER, WebhookSignature.of(secret, body));
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException unreachable) {
            throw new WebhookDeliveryException("POST " + url + " failed: " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new WebhookDeliveryException("POST " + url + " was interrupted", interrupted);
        }
        if (response.statusCode() / 100 != 2) {
            throw new WebhookDeliveryException("POST " + url + " answered " + response.statusCode());
        }
    }
}
