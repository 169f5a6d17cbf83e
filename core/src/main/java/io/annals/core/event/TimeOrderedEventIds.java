package io.annals.core.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The default event ids: version 7 UUIDs (RFC 9562), a millisecond timestamp followed by 74 random
 * bits. Ids made close in time sort close together, so the unique index on event ids grows at its
 * end like the log itself instead of taking each insert on a random page: a batch of appends
 * touches one index page rather than one per event. The random bits come from the same kind of
 * source as {@link UUID#randomUUID()}.
 */
@ApplicationScoped
public class TimeOrderedEventIds implements EventIdProvider {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long IETF_VARIANT = 0x8000_0000_0000_0000L;

    @Override
    public UUID nextEventId() {
        return at(System.currentTimeMillis());
    }

    /** An id for the given Unix time in milliseconds. */
    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4 | (random[1] & 0xF0L) >>> 4) & 0x0FFFL;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFFL);
        }
        long mostSignificant = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | VERSION_7 | randA;
        long leastSignificant = IETF_VARIANT | (randB & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(mostSignificant, leastSignificant);
    }
}
