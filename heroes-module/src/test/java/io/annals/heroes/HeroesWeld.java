package io.annals.heroes;

import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.RequestScoped;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/** Boots core and every bean the heroes module contributes. */
final class HeroesWeld {

    /** Every CDI bean of the module; {@code HeroesWeldTest} checks the list is complete. */
    static final Class<?>[] BEANS = {
        Heroes.class, RecruitHeroHandler.class, KillDragonHandler.class, DropAncientItemHandler.class,
        GetHeroHandler.class, GetHeroesHandler.class, AncientItemSaga.class, HeroBoard.class
    };

    private HeroesWeld() {
    }

    /** A container with core and the module; the test adds the stores. */
    static Weld weld() {
        return AnnalsWeld.weld(BEANS);
    }

    /** For {@code @WeldSetup}: a fresh container on fresh in-memory stores per test, injecting into {@code test}. */
    static WeldInitiator initiator(Object test) {
        return WeldInitiator.from(weld().addBeanClass(InMemoryStores.class)).activate(RequestScoped.class).inject(test).build();
    }
}
