package io.annals.core.lending;

import io.annals.core.aggregate.AggregateRoot;

/** A book on the shelf: it decides whether it can be lent or returned, then applies the fact. */
public final class Book extends AggregateRoot<BookId, BookEvent> {

    private String title;
    private String borrower;

    public Book(BookId id) {
        super(id);
    }

    public void add(String newTitle) {
        apply(new BookAdded(id(), newTitle));
    }

    public void lendTo(String reader) {
        if (borrower != null) {
            throw new BookAlreadyLentException(id(), borrower);
        }
        apply(new BookLent(id(), reader));
    }

    public void takeBack() {
        if (borrower == null) {
            throw new BookNotLentException(id());
        }
        apply(new BookReturned(id()));
    }

    public String title() {
        return title;
    }

    public String borrower() {
        return borrower;
    }

    @Override
    protected void when(BookEvent event) {
        if (event instanceof BookAdded added) {
            title = added.title();
        } else if (event instanceof BookLent lent) {
            borrower = lent.borrower();
        } else if (event instanceof BookReturned) {
            borrower = null;
        }
    }
}
