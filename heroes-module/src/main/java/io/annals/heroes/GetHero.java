package io.annals.heroes;

import io.annals.core.query.Query;
import jakarta.validation.constraints.NotNull;

/** A hero, read from the hero's own stream (so it reflects every acknowledged command). */
public record GetHero(@NotNull HeroId heroId) implements Query<HeroView> {
}
