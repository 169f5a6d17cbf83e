package io.annals.heroes;

import java.util.List;

/** A hero as players see it: name, the dragons slain and the items found, each in the order it happened. */
public record HeroView(HeroId heroId, String name, List<String> dragonsKilled, List<String> items) {

    public HeroView {
        dragonsKilled = List.copyOf(dragonsKilled);
        items = List.copyOf(items);
    }
}
