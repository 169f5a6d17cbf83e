package io.annals.heroes;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.EventHandler;
import io.annals.core.processor.Projection;
import io.annals.core.processor.SwitchableProjection;
import io.annals.core.processor.SwitchableReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code heroes} read model: every hero with the dragons slain and items found, in recruitment
 * order. It lives in memory and is rebuilt from the global log on every start; an operator's rebuild
 * fills a fresh board while this one keeps answering, then switches.
 */
@ApplicationScoped
@Projection(value = "heroes", inMemory = true)
class HeroBoard implements SwitchableProjection {

    /** Heroes in recruitment order; a query may read while a handler writes. */
    private static final class Board {

        private final Map<HeroId, HeroView> byRecruitment = new LinkedHashMap<>();

        synchronized void recruit(HeroView hero) {
            byRecruitment.put(hero.heroId(), hero);
        }

        synchronized void change(HeroId id, UnaryOperator<HeroView> change, long position) {
            HeroView before = byRecruitment.get(id);
            if (before == null) {
                throw new IllegalStateException("the heroes read model has no hero " + id + " at position " + position);
            }
            byRecruitment.put(id, change.apply(before));
        }

        synchronized List<HeroView> all() {
            return List.copyOf(byRecruitment.values());
        }
    }

    private final SwitchableReadModel<Board> board = new SwitchableReadModel<>(Board::new);

    @Inject
    Heroes heroes;

    @Override
    public SwitchableReadModel<?> readModel() {
        return board;
    }

    @EventHandler
    void recruited(HeroRecruited recruited, EventEnvelope<HeroRecruited> event) {
        board.target().recruit(new HeroView(heroes.idOf(event.streamId()), recruited.name(), List.of(), List.of()));
    }

    @EventHandler
    void killed(HeroKilledDragon killed, EventEnvelope<HeroKilledDragon> event) {
        change(event, hero -> new HeroView(hero.heroId(), hero.name(), append(hero.dragonsKilled(), killed.dragonId()), hero.items()));
    }

    @EventHandler
    void found(HeroFoundItem found, EventEnvelope<HeroFoundItem> event) {
        change(event, hero -> new HeroView(hero.heroId(), hero.name(), hero.dragonsKilled(), append(hero.items(), found.item())));
    }

    List<HeroView> all() {
        return board.live().all();
    }

    private void change(EventEnvelope<?> event, UnaryOperator<HeroView> change) {
        board.target().change(heroes.idOf(event.streamId()), change, event.position());
    }

    private static List<String> append(List<String> list, String element) {
        List<String> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }
}
