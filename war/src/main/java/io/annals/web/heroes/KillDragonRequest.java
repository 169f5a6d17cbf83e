package io.annals.web.heroes;

/** {@code POST /api/heroes/{id}/kill-dragon}: which dragon. */
public record KillDragonRequest(String dragonId) {
}
