package io.annals.core.lending;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class ReturnBookHandler implements CommandHandler<ReturnBook, Long> {

    @Inject
    Books books;

    @Override
    public Long execute(ReturnBook command) {
        Book book = books.load(command.book());
        book.takeBack();
        return books.save(book);
    }
}
