package io.annals.core.lending;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class LendBookHandler implements CommandHandler<LendBook, Long> {

    @Inject
    Books books;

    @Override
    public Long execute(LendBook command) {
        Book book = books.load(command.book());
        book.lendTo(command.borrower());
        return books.save(book);
    }
}
