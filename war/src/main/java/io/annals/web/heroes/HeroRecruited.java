package io.annals.web.heroes;

import java.util.UUID;

/** The answer to a recruitment: the new hero's id and name. */
public record HeroRecruited(UUID heroId, String name) {
}
