package io.annals.core.lending;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class AddBookHandler implements CommandHandler<AddBook, BookId> {

    @Inject
    Books books;

    @Override
    public BookId execute(AddBook command) {
        Book book = books.create(command.book());
        book.add(command.title());
        books.save(book);
        return book.id();
    }
}
