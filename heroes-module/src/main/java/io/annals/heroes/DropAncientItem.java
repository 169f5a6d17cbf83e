package io.annals.heroes;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Drops an ancient item for a hero to find; the saga sends it after a dragon dies. */
public record DropAncientItem(@NotNull HeroId heroId, @NotBlank @Size(max = 128) String item) implements Command<Void> {
}
