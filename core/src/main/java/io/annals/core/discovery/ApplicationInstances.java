package io.annals.core.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * The instance behind an application-scoped bean's client proxy, for core's hot paths. A proxy
 * looks its instance up and tracks interception state on every call: about a fifth of a trivial
 * command's dispatch went to proxies between core's own beans. An application-scoped instance
 * lives as long as the application, so holding it is what the proxy does anyway; interceptors and
 * decorators stay in force, as they are part of the instance the container creates.
 */
public final class ApplicationInstances {

    private ApplicationInstances() {
    }

    /**
     * The instance of the default bean of {@code type} when it is application-scoped; otherwise
     * {@code injected} (the reference the container injected), unchanged.
     */
    public static <T> T behind(BeanManager beans, Class<T> type, T injected) {
        Bean<?> bean = beans.resolve(beans.getBeans(type));
        if (bean == null || bean.getScope() != ApplicationScoped.class) {
            return injected;
        }
        return type.cast(instanceOf(beans, bean));
    }

    /** The contextual instance of an application-scoped {@code bean}, created if need be. */
    public static <T> T instanceOf(BeanManager beans, Bean<T> bean) {
        return beans.getContext(ApplicationScoped.class).get(bean, beans.createCreationalContext(bean));
    }
}
