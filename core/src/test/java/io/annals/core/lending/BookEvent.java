package io.annals.core.lending;

/** What can happen to a book. */
public sealed interface BookEvent permits BookAdded, BookLent, BookReturned {

    BookId book();
}
