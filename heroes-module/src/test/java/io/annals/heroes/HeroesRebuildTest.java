package io.annals.heroes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.processor.ProcessorState;
import io.annals.core.processor.Settings;
import io.annals.core.query.QueryBus;
import io.annals.core.testing.Eventually;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * The {@code heroes} read model rebuilt while commands keep coming, with the processors (the
 * ancient-item saga too) running on their own threads as in the application: the old board answers
 * until the rebuilt one takes over, and the rebuilt one ends equal to every hero's own stream.
 */
@EnableWeld
class HeroesRebuildTest {

    private static final int HEROES = 6;
    private static final int STEPS = 60;

    /** The processors run on their own threads, as in the application. */
    @ApplicationScoped
    static class RunningProcessors {

        @Produces
        Settings settings() {
            return Settings.of(Map.of("annals.processors.autostart", "true", "annals.processors.max-idle-millis", "20"));
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(HeroesWeld.weld().addBeanClasses(InMemoryStores.class, RunningProcessors.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    ProcessorRuntime processors;

    @Inject
    HeroBoard board;

    @Inject
    UnhandledExceptions unhandled;

    @Test
    void aRebuildWhileCommandsContinueEndsEqualToEveryHerosOwnStream() throws InterruptedException {
        List<HeroId> recruited = new CopyOnWriteArrayList<>();
        for (int i = 0; i < HEROES; i++) {
            recruited.add(recruit("hero " + i));
        }
        Eventually.until("the board lists every hero", () -> all().size() == HEROES);
        Object before = board.readModel().live();
        AtomicInteger steps = new AtomicInteger();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(recruited, steps, writerFailure), "heroes-writer");
        writer.start();
        Eventually.until("a third of the commands", () -> steps.get() >= STEPS / 3 || writerFailure.get() != null);

        processors.rebuild("heroes");
        int stepsAtRebuild = steps.get();
        writer.join(30_000);

        assertEquals(null, writerFailure.get());
        assertEquals(STEPS, steps.get());
        assertTrue(stepsAtRebuild < STEPS, "the rebuild started while commands were still coming");
        Eventually.until("the rebuilt board equals every hero's own stream, in recruitment order", () ->
                processors.statuses().stream().allMatch(s -> s.state() == ProcessorState.RUNNING && s.lag() == 0)
                        && all().equals(fold(recruited)));
        assertNotSame(before, board.readModel().live(), "the rebuilt board took over");
        assertEquals(HEROES + STEPS / 10, all().size());
        assertTrue(all().stream().allMatch(hero -> hero.items().size() == hero.dragonsKilled().size()), "every kill dropped an item");
        assertEquals(0, unhandled.count(), "failures reported by processors");
    }

    /** Dragon kills (each dropping an item through the saga) and now and then a new hero, a few milliseconds apart. */
    private void write(List<HeroId> recruited, AtomicInteger steps, AtomicReference<Throwable> failure) {
        try {
            for (int i = 0; i < STEPS; i++) {
                commands.executeBlocking(new KillDragon(recruited.get(i % recruited.size()), "dragon-" + i));
                if (i % 10 == 9) {
                    recruited.add(recruit("late hero " + i));
                }
                steps.incrementAndGet();
                Thread.sleep(5);
            }
        } catch (RuntimeException | Error failed) {
            failure.set(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.set(interrupted);
        }
    }

    private HeroId recruit(String name) {
        return commands.executeBlocking(new RecruitHero(HeroId.random(), name));
    }

    /** Each hero as its own stream has it. */
    private List<HeroView> fold(List<HeroId> heroes) {
        return heroes.stream().map(id -> queries.executeBlocking(new GetHero(id))).toList();
    }

    private List<HeroView> all() {
        return queries.executeBlocking(new GetHeroes());
    }
}
