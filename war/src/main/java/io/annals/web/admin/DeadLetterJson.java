package io.annals.web.admin;

import io.annals.core.processor.DeadLetter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** An event a processor parked after its retries, as the admin API shows it. */
public record DeadLetterJson(UUID id, String processor, UUID eventId, long position, String error, int attempts, String parkedAt) {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static DeadLetterJson of(DeadLetter letter) {
        return new DeadLetterJson(letter.id(), letter.processor(), letter.eventId(), letter.position(), letter.error(),
                letter.attempts(), MILLIS.format(letter.parkedAt()));
    }
}
