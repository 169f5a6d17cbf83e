package io.annals.core.lending;

import io.annals.core.aggregate.DomainException;

/** Only a lent book can be returned. */
public class BookNotLentException extends DomainException {

    public BookNotLentException(BookId book) {
        super("book-not-lent", "book " + book + " is not lent");
    }
}
