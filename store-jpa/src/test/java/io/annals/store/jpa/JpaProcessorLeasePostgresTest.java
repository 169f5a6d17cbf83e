package io.annals.store.jpa;

/** The JPA processor lease on a real PostgreSQL. */
class JpaProcessorLeasePostgresTest extends JpaProcessorLeaseScenarios {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
