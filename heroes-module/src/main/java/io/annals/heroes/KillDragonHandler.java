package io.annals.heroes;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class KillDragonHandler implements CommandHandler<KillDragon, ActionId> {

    @Inject
    Heroes heroes;

    @Override
    public ActionId execute(KillDragon command) {
        Hero hero = heroes.load(command.heroId());
        hero.kill(command.dragonId());
        heroes.save(hero);
        return ActionId.random();
    }
}
