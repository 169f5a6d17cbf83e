package io.annals.core.forward;

/** A webhook did not take an event: no connection, a timeout, or a status other than 2xx. */
public class WebhookDeliveryException extends RuntimeException {

    public WebhookDeliveryException(String message) {
        super(message);
    }

    public WebhookDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
