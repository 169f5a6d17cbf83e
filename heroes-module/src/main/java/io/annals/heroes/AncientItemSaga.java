package io.annals.heroes;

import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.Saga;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * When a hero slays a dragon, the dragon drops an ancient item for the hero. Driven from the global
 * log after a checkpoint, the drop runs at most once per kill, in the kill's flow.
 */
@ApplicationScoped
class AncientItemSaga {

    @Inject
    Heroes heroes;

    @Saga
    DropAncientItem dropItem(HeroKilledDragon killed, EventEnvelope<HeroKilledDragon> event) {
        return new DropAncientItem(heroes.idOf(event.streamId()), "ancient item of " + killed.dragonId());
    }
}
