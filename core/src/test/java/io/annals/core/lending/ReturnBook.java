package io.annals.core.lending;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotNull;

/** Takes a lent book back; answers with the book's version afterwards. */
public record ReturnBook(@NotNull BookId book) implements Command<Long> {
}
