package io.annals.heroes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.query.QueryBus;
import io.annals.core.store.EventStore;
import io.annals.core.store.StoredEvent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The module as deployed: real handlers, the ancient-item saga and the heroes read model on the in-memory store. */
@EnableWeld
class HeroesFlowTest {

    private static final Duration IDLE = Duration.ofSeconds(10);

    @WeldSetup
    WeldInitiator weld = HeroesWeld.initiator(this);

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    ProcessorRuntime processors;

    @Inject
    EventStore store;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    UnhandledExceptions unhandled;

    @AfterEach
    void nothingFailedUnseen() {
        assertEquals(0, unhandled.count(), "failures reported by processors");
    }

    @Test
    void slainDragonDropsAnItemTheHeroFinds() {
        HeroId arthur = commands.executeBlocking(new RecruitHero(HeroId.random(), "Arthur"));
        ActionId action = commands.executeBlocking(new KillDragon(arthur, "smaug"));

        assertNotNull(action);
        assertEquals(new HeroView(arthur, "Arthur", List.of("smaug"), List.of()), queries.executeBlocking(new GetHero(arthur)));
        processors.awaitIdle(IDLE);
        assertEquals(new HeroView(arthur, "Arthur", List.of("smaug"), List.of("ancient item of smaug")),
                queries.executeBlocking(new GetHero(arthur)));
    }

    @Test
    void foundItemKeepsTheCorrelationAndIsCausedByTheKill() {
        HeroId arthur = commands.executeBlocking(new RecruitHero(HeroId.random(), "Arthur"));
        commands.executeBlocking(new KillDragon(arthur, "smaug"), AsyncContext.withCorrelation("quest-42").withPrincipal("merlin"));
        processors.awaitIdle(IDLE);

        List<StoredEvent> stream = store.readStream("hero-" + arthur, 1);
        StoredEvent kill = stream.get(1);
        StoredEvent find = stream.get(2);

        assertEquals(List.of("HeroRecruited", "HeroKilledDragon", "HeroFoundItem"), stream.stream().map(StoredEvent::type).toList());
        assertEquals("quest-42", kill.metadata().correlationId());
        assertNull(kill.metadata().causationId());
        assertEquals("quest-42", find.metadata().correlationId());
        assertEquals(kill.eventId().toString(), find.metadata().causationId());
        assertEquals("merlin", find.metadata().principal());
    }

    @Test
    void sagaSeeingAKillAgainDropsNoSecondItem() {
        HeroId arthur = commands.executeBlocking(new RecruitHero(HeroId.random(), "Arthur"));
        commands.executeBlocking(new KillDragon(arthur, "smaug"));
        processors.awaitIdle(IDLE);
        long head = store.headPosition();

        checkpoints.reset("AncientItemSaga");
        processors.awaitIdle(IDLE);

        assertEquals(head, store.headPosition(), "events appended by the re-delivery");
        assertEquals(List.of("ancient item of smaug"), queries.executeBlocking(new GetHero(arthur)).items());
    }

    @Test
    void heroesReadModelListsHeroesInRecruitmentOrder() {
        HeroId lancelot = commands.executeBlocking(new RecruitHero(HeroId.random(), "Lancelot"));
        HeroId arthur = commands.executeBlocking(new RecruitHero(HeroId.random(), "Arthur"));
        HeroId gawain = commands.executeBlocking(new RecruitHero(HeroId.random(), "Gawain"));
        commands.executeBlocking(new KillDragon(arthur, "smaug"));
        commands.executeBlocking(new KillDragon(arthur, "fafnir"));
        commands.executeBlocking(new KillDragon(lancelot, "smaug"));
        processors.awaitIdle(IDLE);

        List<HeroView> board = queries.executeBlocking(new GetHeroes());

        assertEquals(List.of(
                new HeroView(lancelot, "Lancelot", List.of("smaug"), List.of("ancient item of smaug")),
                new HeroView(arthur, "Arthur", List.of("smaug", "fafnir"), List.of("ancient item of smaug", "ancient item of fafnir")),
                new HeroView(gawain, "Gawain", List.of(), List.of())), board);
        assertEquals(List.of(queries.executeBlocking(new GetHero(lancelot)), queries.executeBlocking(new GetHero(arthur)),
                queries.executeBlocking(new GetHero(gawain))), board);
    }

    @Test
    void heroesReadModelLagsUntilItsProcessorRuns() {
        commands.executeBlocking(new RecruitHero(HeroId.random(), "Arthur"));

        assertEquals(List.of(), queries.executeBlocking(new GetHeroes()));
        processors.awaitIdle(IDLE);
        assertEquals(1, queries.executeBlocking(new GetHeroes()).size());
    }
}
