package io.annals.heroes;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sends a hero to slay a dragon; answers with the id of this action. */
public record KillDragon(@NotNull HeroId heroId, @NotBlank @Size(max = 64) String dragonId) implements Command<ActionId> {
}
