package io.annals.heroes;

import java.util.Objects;
import java.util.UUID;

/** Identifies a hero. */
public record HeroId(UUID value) {

    public HeroId {
        Objects.requireNonNull(value, "value");
    }

    public static HeroId random() {
        return new HeroId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
