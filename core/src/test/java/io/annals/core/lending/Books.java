package io.annals.core.lending;

import io.annals.core.aggregate.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The books, one stream each: {@code book-<id>}. */
@ApplicationScoped
public class Books extends EventSourcedRepository<Book, BookId> {

    public static final String CATEGORY = "book";

    Books() {
        super(CATEGORY, Book::new);
    }

    @Override
    protected RuntimeException notFound(BookId id) {
        return new UnknownBookException(id, streamId(id));
    }
}
