package io.annals.core.lending;

import io.annals.core.aggregate.AggregateNotFoundException;

/** No book has this id. */
public class UnknownBookException extends AggregateNotFoundException {

    public UnknownBookException(BookId book, String streamId) {
        super("no book " + book, streamId);
    }
}
