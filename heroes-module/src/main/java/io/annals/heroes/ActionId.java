package io.annals.heroes;

import java.util.Objects;
import java.util.UUID;

/** Identifies one action a hero took, such as a kill. */
public record ActionId(UUID value) {

    public ActionId {
        Objects.requireNonNull(value, "value");
    }

    public static ActionId random() {
        return new ActionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
