package io.annals.core.testing;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts existing instances into a container as beans of the given types, so stores created by a
 * test (and shared by the containers it boots one after another) can be injected.
 */
public final class ProvidedBeans implements Extension {

    private final Map<Type, Object> instances = new LinkedHashMap<>();

    public <T> ProvidedBeans add(Class<T> type, T instance) {
        instances.put(type, instance);
        return this;
    }

    void register(@Observes AfterBeanDiscovery discovery) {
        instances.forEach((type, instance) -> discovery.addBean()
                .types(type, Object.class)
                .scope(Dependent.class)
                .beanClass(ProvidedBeans.class)
                .id(ProvidedBeans.class.getName() + "/" + type.getTypeName())
                .createWith(context -> instance));
    }
}
