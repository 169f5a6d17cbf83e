package io.annals.core.lending;

/** A book for the reader: its title, who has it (null when on the shelf) and its version. */
public record BookView(BookId book, String title, String borrower, long version) {
}
