package io.annals.heroes;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class RecruitHeroHandler implements CommandHandler<RecruitHero, HeroId> {

    @Inject
    Heroes heroes;

    @Override
    public HeroId execute(RecruitHero command) {
        Hero hero = heroes.find(command.heroId()).orElseGet(() -> heroes.create(command.heroId()));
        hero.recruit(command.name());
        heroes.save(hero);
        return hero.id();
    }
}
