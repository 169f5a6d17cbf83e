package io.annals.core.lending;

/** A borrowed book came back. */
public record BookReturned(BookId book) implements BookEvent {
}
