package io.annals.web.config;

import io.annals.core.forward.Forwarders;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.store.jpa.JpaStores;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Moves the start of the event store and of the processors to the web module's start. Payara
 * notifies {@code @Initialized(ApplicationScoped)} observers in {@code WEB-INF/lib} jars during CDI
 * bootstrap, before resource injection works, so the store's {@code @Resource} look-ups would fail
 * the deployment and the processors would miss the container's managed threads. Those observers
 * (store, processors, forwarders) are vetoed here; {@link StartupSequence} does their work once the
 * web module starts. Any other such observer in an Annals library is reported at deployment.
 */
public class WebModuleStartup implements Extension {

    private static final Logger LOG = Logger.getLogger(WebModuleStartup.class.getName());
    private static final Set<Class<?>> STARTED_BY_THE_WAR = Set.of(JpaStores.class, ProcessorRuntime.class, Forwarders.class);

    <T> void skipEarlyStarts(@Observes ProcessObserverMethod<Object, T> event) {
        AnnotatedMethod<T> method = event.getAnnotatedMethod();
        if (method == null || method.getParameters().stream().noneMatch(p -> p.isAnnotationPresent(Initialized.class))) {
            return;
        }
        Class<?> declaring = method.getJavaMember().getDeclaringClass();
        if (STARTED_BY_THE_WAR.contains(declaring)) {
            event.veto();
        } else if (declaring.getName().startsWith("io.annals.") && !declaring.getName().startsWith("io.annals.web.")) {
            LOG.warning(() -> declaring.getName() + "." + method.getJavaMember().getName() + " observes @Initialized in a library jar:"
                    + " Payara calls it before resource injection works; start it from the WAR's StartupSequence");
        }
    }
}
