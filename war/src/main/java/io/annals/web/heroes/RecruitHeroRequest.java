package io.annals.web.heroes;

/** {@code POST /api/heroes}: the new hero's name. */
public record RecruitHeroRequest(String name) {
}
