package io.annals.core.lending;

import io.annals.core.query.Query;
import jakarta.validation.constraints.NotNull;

/** Asks for one book as its own stream has it. */
public record GetBook(@NotNull BookId book) implements Query<BookView> {
}
