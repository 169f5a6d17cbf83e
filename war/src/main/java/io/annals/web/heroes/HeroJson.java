package io.annals.web.heroes;

import io.annals.heroes.HeroView;
import java.util.List;
import java.util.UUID;

/** A hero: name, the dragons it killed and the items it found. */
public record HeroJson(UUID heroId, String name, List<String> dragonsKilled, List<String> items) {

    static HeroJson of(HeroView hero) {
        return new HeroJson(hero.heroId().value(), hero.name(), hero.dragonsKilled(), hero.items());
    }
}
