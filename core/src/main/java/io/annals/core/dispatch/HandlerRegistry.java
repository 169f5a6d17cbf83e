package io.annals.core.dispatch;

import io.annals.core.discovery.AnnalsExtension;
import io.annals.core.discovery.ApplicationInstances;
import io.annals.core.discovery.HandlerBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handlers the extension found, with their contextual references resolved once: a dispatch is a
 * map look-up by message class, never a reflective search. References go through CDI, so
 * interceptors on handlers apply; an application-scoped handler is called on its instance, not
 * through its client proxy ({@link ApplicationInstances}).
 */
@ApplicationScoped
public class HandlerRegistry {

    private final Map<Class<?>, ResolvedHandler> resolved = new ConcurrentHashMap<>();

    @Inject
    AnnalsExtension extension;

    @Inject
    BeanManager beans;

    /** @throws NoHandlerException when no handler for the command's class was deployed */
    public ResolvedHandler forCommand(Class<?> commandType) {
        ResolvedHandler handler = resolved.get(commandType);
        return handler != null ? handler : resolve(commandType, extension.commandHandlers());
    }

    /** @throws NoHandlerException when no handler for the query's class was deployed */
    public ResolvedHandler forQuery(Class<?> queryType) {
        ResolvedHandler handler = resolved.get(queryType);
        return handler != null ? handler : resolve(queryType, extension.queryHandlers());
    }

    /** The first dispatch of a type: looks its binding up in the extension (a proxied call, kept off the hot path). */
    private ResolvedHandler resolve(Class<?> type, Map<Class<?>, HandlerBinding> bindings) {
        HandlerBinding binding = bindings.get(type);
        if (binding == null) {
            throw new NoHandlerException(type);
        }
        return resolved.computeIfAbsent(type, t -> new ResolvedHandler(binding, reference(binding.bean())));
    }

    private Object reference(Bean<?> bean) {
        if (bean.getScope() == ApplicationScoped.class) {
            return ApplicationInstances.instanceOf(beans, bean);
        }
        return beans.getReference(bean, Object.class, beans.createCreationalContext(bean));
    }

    /** A handler binding and the reference to call. */
    public record ResolvedHandler(HandlerBinding binding, Object reference) {
    }
}
