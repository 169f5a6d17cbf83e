package io.annals.heroes;

import io.annals.core.query.QueryHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class GetHeroHandler implements QueryHandler<GetHero, HeroView> {

    @Inject
    Heroes heroes;

    @Override
    public HeroView execute(GetHero query) {
        return heroes.load(query.heroId()).view();
    }
}
