package io.annals.heroes;

import io.annals.core.command.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Recruits a new hero. */
public record RecruitHero(@NotNull HeroId heroId, @NotBlank @Size(max = 64) String name) implements Command<HeroId> {
}
