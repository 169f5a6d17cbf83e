package io.annals.store.jpa;

/** The JPA processor lease on embedded H2. */
class JpaProcessorLeaseH2Test extends JpaProcessorLeaseScenarios {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
