package io.annals.core.lending;

/** A book joined the shelf. */
public record BookAdded(BookId book, String title) implements BookEvent {
}
