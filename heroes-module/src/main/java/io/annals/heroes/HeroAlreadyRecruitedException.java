package io.annals.heroes;

import io.annals.core.aggregate.DomainException;

/** A hero with this id was already recruited; recruiting it again is refused. */
public class HeroAlreadyRecruitedException extends DomainException {

    private final HeroId heroId;

    HeroAlreadyRecruitedException(HeroId heroId) {
        super("hero-already-recruited", "hero " + heroId + " was already recruited");
        this.heroId = heroId;
    }

    public HeroId heroId() {
        return heroId;
    }
}
