package io.annals.heroes;

import io.annals.core.aggregate.AggregateRoot;
import java.util.ArrayList;
import java.util.List;

/** A hero: recruited once, slays each dragon at most once, keeps every item found. */
final class Hero extends AggregateRoot<HeroId, HeroEvent> {

    private String name;
    private final List<String> dragonsKilled = new ArrayList<>();
    private final List<String> items = new ArrayList<>();

    Hero(HeroId id) {
        super(id);
    }

    void recruit(String name) {
        if (this.name != null) {
            throw new HeroAlreadyRecruitedException(id());
        }
        apply(new HeroRecruited(name));
    }

    void kill(String dragonId) {
        if (dragonsKilled.contains(dragonId)) {
            throw new DragonAlreadySlainException(id(), dragonId);
        }
        apply(new HeroKilledDragon(dragonId));
    }

    void find(String item) {
        apply(new HeroFoundItem(item));
    }

    HeroView view() {
        return new HeroView(id(), name, dragonsKilled, items);
    }

    @Override
    protected void when(HeroEvent event) {
        if (event instanceof HeroRecruited recruited) {
            name = recruited.name();
        } else if (event instanceof HeroKilledDragon killed) {
            dragonsKilled.add(killed.dragonId());
        } else if (event instanceof HeroFoundItem found) {
            items.add(found.item());
        }
    }
}
