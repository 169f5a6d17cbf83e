package io.annals.store.jpa;

/** Core's serializer and repository on the JPA store, on embedded H2. */
class CoreOnJpaH2Test extends CoreOnJpaScenarios {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
