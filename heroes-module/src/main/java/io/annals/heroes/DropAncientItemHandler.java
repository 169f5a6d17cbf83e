package io.annals.heroes;

import io.annals.core.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
class DropAncientItemHandler implements CommandHandler<DropAncientItem, Void> {

    @Inject
    Heroes heroes;

    @Override
    public Void execute(DropAncientItem command) {
        Hero hero = heroes.load(command.heroId());
        hero.find(command.item());
        heroes.save(hero);
        return null;
    }
}
