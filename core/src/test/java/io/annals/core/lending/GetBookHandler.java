package io.annals.core.lending;

import io.annals.core.query.QueryHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class GetBookHandler implements QueryHandler<GetBook, BookView> {

    @Inject
    Books books;

    @Override
    public BookView execute(GetBook query) {
        Book book = books.load(query.book());
        return new BookView(book.id(), book.title(), book.borrower(), book.version());
    }
}
