package io.annals.heroes;

/** The hero slew a dragon. */
public record HeroKilledDragon(String dragonId) implements HeroEvent {
}
