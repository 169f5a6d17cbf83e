package io.annals.core.lending;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Puts a new book on the shelf; answers with its id. */
public record AddBook(@NotNull BookId book, @NotBlank @Size(max = 64) String title) implements Command<BookId> {
}
