package io.annals.heroes;

/** A hero joined the game. */
public record HeroRecruited(String name) implements HeroEvent {
}
