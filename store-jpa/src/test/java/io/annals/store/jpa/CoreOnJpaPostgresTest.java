package io.annals.store.jpa;

/** Core's serializer and repository on the JPA store, on a real PostgreSQL. */
class CoreOnJpaPostgresTest extends CoreOnJpaScenarios {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
