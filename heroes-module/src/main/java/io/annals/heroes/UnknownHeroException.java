package io.annals.heroes;

import io.annals.core.aggregate.AggregateNotFoundException;

/** No hero with this id was recruited. */
public class UnknownHeroException extends AggregateNotFoundException {

    private final HeroId heroId;

    UnknownHeroException(HeroId heroId, String streamId) {
        super("hero " + heroId + " does not exist", streamId);
        this.heroId = heroId;
    }

    public HeroId heroId() {
        return heroId;
    }
}
