package io.annals.web.idempotency;

/** The response a repeat of an idempotent request gets: status, media type, Location and body. */
public record StoredResponse(int status, String contentType, String location, String body) {
}
