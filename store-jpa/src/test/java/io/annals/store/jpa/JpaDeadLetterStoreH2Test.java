package io.annals.store.jpa;

/** The JPA dead-letter store on embedded H2. */
class JpaDeadLetterStoreH2Test extends JpaDeadLetterStoreScenarios {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
