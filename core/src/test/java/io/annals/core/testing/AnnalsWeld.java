package io.annals.core.testing;

import io.annals.core.command.CommandBus;
import io.annals.core.context.ContextActivator;
import io.annals.core.context.CurrentContext;
import io.annals.core.discovery.AnnalsExtension;
import io.annals.core.dispatch.AnnalsExecutor;
import io.annals.core.dispatch.HandlerRegistry;
import io.annals.core.dispatch.MessageValidator;
import io.annals.core.forward.Forwarders;
import io.annals.core.event.EventBus;
import io.annals.core.event.EventJson;
import io.annals.core.event.EventSerializer;
import io.annals.core.event.EventTypeRegistry;
import io.annals.core.event.TimeOrderedEventIds;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.query.QueryBus;
import io.annals.core.store.AppendSignal;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/**
 * A Weld SE container with Annals' core beans and discovery extension, plus the beans a test names.
 * Pair it with {@link InMemoryStores} (or another store) and activate the request scope.
 */
public final class AnnalsWeld {

    /** Every bean core contributes. */
    public static final Class<?>[] CORE_BEANS = {
        CommandBus.class, QueryBus.class, EventBus.class, EventSerializer.class, EventTypeRegistry.class,
        UnhandledExceptions.class, ContextActivator.class, CurrentContext.class, AnnalsExecutor.class,
        HandlerRegistry.class, MessageValidator.class, AppendSignal.class, ProcessorRuntime.class,
        EventJson.class, Forwarders.class, TimeOrderedEventIds.class
    };

    private AnnalsWeld() {
    }

    public static Weld weld(Class<?>... beans) {
        return WeldInitiator.createWeld()
                .addExtension(new AnnalsExtension())
                .addBeanClasses(CORE_BEANS)
                .addBeanClasses(beans);
    }
}
