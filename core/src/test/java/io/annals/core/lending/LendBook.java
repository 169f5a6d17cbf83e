package io.annals.core.lending;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Lends a book to a reader; answers with the book's version afterwards. */
public record LendBook(@NotNull BookId book, @NotBlank String borrower) implements Command<Long> {
}
