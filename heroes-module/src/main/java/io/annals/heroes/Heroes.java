package io.annals.heroes;

import io.annals.core.aggregate.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Loads and saves heroes; each lives in the stream {@code hero-<id>}. */
@ApplicationScoped
class Heroes extends EventSourcedRepository<Hero, HeroId> {

    private static final String CATEGORY = "hero";

    Heroes() {
        super(CATEGORY, Hero::new);
    }

    @Override
    protected RuntimeException notFound(HeroId id) {
        return new UnknownHeroException(id, streamId(id));
    }

    /** The hero a stream of this repository belongs to (the saga and the read model get stream ids). */
    HeroId idOf(String streamId) {
        String prefix = CATEGORY + "-";
        if (!streamId.startsWith(prefix)) {
            throw new IllegalArgumentException("'" + streamId + "' is not a hero stream");
        }
        return new HeroId(UUID.fromString(streamId.substring(prefix.length())));
    }
}
