package io.annals.heroes;

import io.annals.core.query.QueryHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
class GetHeroesHandler implements QueryHandler<GetHeroes, List<HeroView>> {

    @Inject
    HeroBoard board;

    @Override
    public List<HeroView> execute(GetHeroes query) {
        return board.all();
    }
}
