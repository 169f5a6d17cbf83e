package io.annals.store.jpa;

/** The JPA dead-letter store on a real PostgreSQL. */
class JpaDeadLetterStorePostgresTest extends JpaDeadLetterStoreScenarios {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
