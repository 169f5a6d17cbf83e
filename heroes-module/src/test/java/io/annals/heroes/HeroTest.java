package io.annals.heroes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.command.CommandBus;
import io.annals.core.dispatch.MessageValidationException;
import io.annals.core.dispatch.Violation;
import io.annals.core.event.EventSerializer;
import io.annals.core.query.QueryBus;
import io.annals.core.store.EventStore;
import io.annals.core.testing.AggregateFixture;
import io.annals.core.testing.SagaFixture;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hero's rules: given past events, when a command, then these events or this refusal; and the saga's reaction. */
@EnableWeld
class HeroTest {

    private static final HeroId ARTHUR = new HeroId(UUID.fromString("00000000-0000-0000-0000-0000000a7700"));
    private static final String SMAUG = "smaug";
    private static final String FAFNIR = "fafnir";

    @WeldSetup
    WeldInitiator weld = HeroesWeld.initiator(this);

    @Inject
    Heroes heroes;

    @Inject
    AncientItemSaga saga;

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    private AggregateFixture<Hero, HeroId> fixture;

    @BeforeEach
    void fixture() {
        fixture = AggregateFixture.of(heroes, commands, store, serializer);
    }

    @Test
    void recruitsAHero() {
        Object result = fixture.givenNothing()
                .when(new RecruitHero(ARTHUR, "Arthur"))
                .then(new HeroRecruited("Arthur"))
                .result();

        assertEquals(ARTHUR, result);
        assertEquals(new HeroView(ARTHUR, "Arthur", List.of(), List.of()), queries.executeBlocking(new GetHero(ARTHUR)));
    }

    @Test
    void refusesToRecruitTheSameHeroTwice() {
        fixture.given(ARTHUR, new HeroRecruited("Arthur"))
                .when(new RecruitHero(ARTHUR, "Lancelot"))
                .thenRefused(HeroAlreadyRecruitedException.class);
    }

    @Test
    void killingANewDragonRecordsTheKill() {
        Object action = fixture.given(ARTHUR, new HeroRecruited("Arthur"))
                .when(new KillDragon(ARTHUR, SMAUG))
                .then(new HeroKilledDragon(SMAUG))
                .result();

        assertInstanceOf(ActionId.class, action);
    }

    @Test
    void everyKillIsAFreshAction() {
        Object first = fixture.given(ARTHUR, new HeroRecruited("Arthur"))
                .when(new KillDragon(ARTHUR, SMAUG))
                .then(new HeroKilledDragon(SMAUG))
                .result();
        Object second = fixture.givenNothing()
                .when(new KillDragon(ARTHUR, FAFNIR))
                .then(new HeroKilledDragon(FAFNIR))
                .result();

        assertNotEquals(first, second);
    }

    @Test
    void refusesToKillTheSameDragonTwice() {
        DragonAlreadySlainException refusal = fixture
                .given(ARTHUR, new HeroRecruited("Arthur"), new HeroKilledDragon(SMAUG), new HeroFoundItem("ancient item of smaug"))
                .when(new KillDragon(ARTHUR, SMAUG))
                .thenRefused(DragonAlreadySlainException.class);

        assertEquals("dragon-already-slain", refusal.code());
        assertEquals(ARTHUR, refusal.heroId());
        assertEquals(SMAUG, refusal.dragonId());
    }

    @Test
    void anotherHeroMayKillADragonOfTheSameName() {
        HeroId lancelot = HeroId.random();
        fixture.given(ARTHUR, new HeroRecruited("Arthur"), new HeroKilledDragon(SMAUG))
                .and(lancelot, new HeroRecruited("Lancelot"))
                .when(new KillDragon(lancelot, SMAUG))
                .then(new HeroKilledDragon(SMAUG));
    }

    @Test
    void refusesAKillByAnUnknownHero() {
        UnknownHeroException refusal = fixture.givenNothing()
                .when(new KillDragon(ARTHUR, SMAUG))
                .thenRefused(UnknownHeroException.class);

        assertEquals(ARTHUR, refusal.heroId());
        assertEquals("hero-" + ARTHUR, refusal.streamId());
    }

    @Test
    void droppedItemIsFound() {
        fixture.given(ARTHUR, new HeroRecruited("Arthur"), new HeroKilledDragon(SMAUG))
                .when(new DropAncientItem(ARTHUR, "ancient item of smaug"))
                .then(new HeroFoundItem("ancient item of smaug"));

        assertEquals(new HeroView(ARTHUR, "Arthur", List.of(SMAUG), List.of("ancient item of smaug")),
                queries.executeBlocking(new GetHero(ARTHUR)));
    }

    @Test
    void refusesToDropAnItemForAnUnknownHero() {
        fixture.givenNothing()
                .when(new DropAncientItem(ARTHUR, "ancient item of smaug"))
                .thenRefused(UnknownHeroException.class);
    }

    @Test
    void refusesToShowAnUnknownHero() {
        UnknownHeroException refusal = assertThrows(UnknownHeroException.class,
                () -> queries.executeBlocking(new GetHero(ARTHUR)));

        assertEquals(ARTHUR, refusal.heroId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void refusesBlankNamesAndDragons(String blank) {
        assertOnlyField("name", fixture.givenNothing().when(new RecruitHero(ARTHUR, blank)).thenRefused(MessageValidationException.class));
        assertOnlyField("dragonId", fixture.given(ARTHUR, new HeroRecruited("Arthur"))
                .when(new KillDragon(ARTHUR, blank)).thenRefused(MessageValidationException.class));
    }

    @Test
    void acceptsNamesAndDragonsOf64CharactersButNot65() {
        String longest = "x".repeat(64);
        fixture.givenNothing().when(new RecruitHero(ARTHUR, longest)).then(new HeroRecruited(longest));
        fixture.givenNothing().when(new KillDragon(ARTHUR, longest)).then(new HeroKilledDragon(longest));

        assertOnlyField("name", fixture.givenNothing().when(new RecruitHero(HeroId.random(), longest + "x"))
                .thenRefused(MessageValidationException.class));
        assertOnlyField("dragonId", fixture.givenNothing().when(new KillDragon(ARTHUR, longest + "x"))
                .thenRefused(MessageValidationException.class));
    }

    @Test
    void refusesMissingIds() {
        assertOnlyField("heroId", fixture.givenNothing().when(new RecruitHero(null, "Arthur")).thenRefused(MessageValidationException.class));
        assertOnlyField("heroId", fixture.givenNothing().when(new KillDragon(null, SMAUG)).thenRefused(MessageValidationException.class));
        assertOnlyField("heroId", assertThrows(MessageValidationException.class,
                () -> queries.executeBlocking(new GetHero(null))));
    }

    @Test
    void sagaDropsAnAncientItemForTheKiller() {
        SagaFixture.of(saga).given(new HeroKilledDragon(SMAUG), "hero-" + ARTHUR, 2)
                .then(new DropAncientItem(ARTHUR, "ancient item of smaug"));
    }

    @Test
    void sagaIgnoresRecruitsAndFinds() {
        SagaFixture.of(saga).given(new HeroRecruited("Arthur"), "hero-" + ARTHUR, 1).thenNothing();
        SagaFixture.of(saga).given(new HeroFoundItem("sword"), "hero-" + ARTHUR, 3).thenNothing();
    }

    private static void assertOnlyField(String field, MessageValidationException refusal) {
        assertEquals(List.of(field), refusal.violations().stream().map(Violation::field).distinct().toList(), refusal.getMessage());
    }
}
