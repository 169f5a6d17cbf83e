package io.annals.benchmarks;

import io.annals.store.jpa.JpaStores;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Leaves out store-jpa's container glue (it needs JNDI and JTA): the benchmarks hand the container a
 * store they opened themselves.
 */
public class WithoutContainerGlue implements Extension {

    void veto(@Observes ProcessAnnotatedType<JpaStores> glue) {
        glue.veto();
    }
}
