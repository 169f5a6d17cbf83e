package io.annals.core.lending;

import io.annals.core.aggregate.DomainException;

/** A book can be with one reader at a time. */
public class BookAlreadyLentException extends DomainException {

    public BookAlreadyLentException(BookId book, String borrower) {
        super("book-already-lent", "book " + book + " is already lent to " + borrower);
    }
}
