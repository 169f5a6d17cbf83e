package io.annals.heroes;

import io.annals.core.aggregate.DomainException;

/** The hero already slew this dragon; a dragon dies only once. */
public class DragonAlreadySlainException extends DomainException {

    private final HeroId heroId;
    private final String dragonId;

    DragonAlreadySlainException(HeroId heroId, String dragonId) {
        super("dragon-already-slain", "hero " + heroId + " has already slain dragon '" + dragonId + "'");
        this.heroId = heroId;
        this.dragonId = dragonId;
    }

    public HeroId heroId() {
        return heroId;
    }

    public String dragonId() {
        return dragonId;
    }
}
