package io.annals.heroes;

/** The hero found an item. */
public record HeroFoundItem(String item) implements HeroEvent {
}
