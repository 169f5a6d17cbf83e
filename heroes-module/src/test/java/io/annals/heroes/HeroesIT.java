package io.annals.heroes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.query.QueryBus;
import io.annals.core.store.EventStore;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.InMemoryStores;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module deployed as a domain team ships it: core and the heroes jar in a WAR on a real Payara
 * Micro, discovered by core's extension, with the processors running on their own threads.
 */
@ExtendWith(ArquillianExtension.class)
class HeroesIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "heroes-it.war")
                .addAsLibrary(Deployments.libraryOf(CommandBus.class, "annals-core.jar"))
                .addAsLibrary(Deployments.libraryOf(Heroes.class, "annals-heroes.jar"))
                // core needs it and Payara Micro does not ship it (its own Jackson lacks the java.time module)
                .addAsLibrary(Deployments.libraryOf(JavaTimeModule.class, "jackson-datatype-jsr310.jar"))
                .addClasses(InMemoryStores.class, Deployments.class)
                .addAsWebInfResource(Deployments.ANNOTATED_BEANS_XML, "beans.xml");
    }

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    EventStore store;

    @Test
    void slainDragonYieldsAnItemThroughTheSagaInTheSameFlow() {
        HeroId arthur = commands.executeBlocking(new RecruitHero(HeroId.random(), "Arthur"));
        commands.executeBlocking(new KillDragon(arthur, "smaug"), AsyncContext.withCorrelation("quest-in-payara"));

        HeroView hero = eventually(() -> queries.executeBlocking(new GetHero(arthur)), h -> !h.items().isEmpty());

        assertEquals(new HeroView(arthur, "Arthur", List.of("smaug"), List.of("ancient item of smaug")), hero);
        List<StoredEvent> stream = store.readStream("hero-" + arthur, 1);
        assertEquals("quest-in-payara", stream.get(2).metadata().correlationId());
        assertEquals(stream.get(1).eventId().toString(), stream.get(2).metadata().causationId());
    }

    @Test
    void sameDragonTwiceIsRefused() {
        HeroId arthur = commands.executeBlocking(new RecruitHero(HeroId.random(), "Arthur"));
        commands.executeBlocking(new KillDragon(arthur, "fafnir"));

        DragonAlreadySlainException refusal = assertThrows(DragonAlreadySlainException.class,
                () -> commands.executeBlocking(new KillDragon(arthur, "fafnir")));

        assertEquals("dragon-already-slain", refusal.code());
    }

    @Test
    void heroesReadModelCatchesUpInRecruitmentOrder() {
        HeroId first = commands.executeBlocking(new RecruitHero(HeroId.random(), "First"));
        HeroId second = commands.executeBlocking(new RecruitHero(HeroId.random(), "Second"));

        List<HeroId> listed = eventually(() -> queries.executeBlocking(new GetHeroes()).stream().map(HeroView::heroId).toList(),
                ids -> ids.contains(second));

        assertEquals(List.of(first, second), listed.stream().filter(id -> id.equals(first) || id.equals(second)).toList());
    }

    /** Asks until the answer satisfies {@code settled}: the processors run on their own threads here. */
    private static <T> T eventually(Supplier<T> ask, Predicate<T> settled) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        T answer = ask.get();
        while (!settled.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            answer = ask.get();
        }
        return answer;
    }
}
