package io.annals.core.lending;

/** A reader borrowed a book. */
public record BookLent(BookId book, String borrower) implements BookEvent {
}
