package io.annals.core.forward;

/** A forwarder setting is missing or malformed; the message names the key. Fails the start-up. */
public class InvalidForwarderConfigurationException extends IllegalArgumentException {

    public InvalidForwarderConfigurationException(String message) {
        super(message);
    }

    public InvalidForwarderConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
