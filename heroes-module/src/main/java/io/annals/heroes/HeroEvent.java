package io.annals.heroes;

/** What can happen to a hero; each event is stored in the hero's own stream. */
public sealed interface HeroEvent permits HeroRecruited, HeroKilledDragon, HeroFoundItem {
}
