package io.annals.heroes;

import io.annals.core.query.Query;
import java.util.List;

/**
 * Every hero from the {@code heroes} read model, in recruitment order. The read model follows the
 * global log, so it may lag the heroes' own streams for a moment.
 */
public record GetHeroes() implements Query<List<HeroView>> {
}
