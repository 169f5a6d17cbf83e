package io.annals.core.lending;

import java.util.Objects;
import java.util.UUID;

/** Identifies a book; prints as its bare UUID so stream ids read {@code book-<uuid>}. */
public record BookId(UUID value) {

    public BookId {
        Objects.requireNonNull(value, "value");
    }

    public static BookId random() {
        return new BookId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
