package io.annals.core.event;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An event handed to one observer method directly rather than fired: a container stops notifying
 * the remaining observers when one throws, while Annals calls each on its own.
 */
final class Delivery implements EventContext<Object> {

    private static final Set<Annotation> ANY = Set.of(Any.Literal.INSTANCE);

    private final Object payload;

    private Delivery(Object payload) {
        this.payload = payload;
    }

    static Delivery of(Object payload) {
        return new Delivery(payload);
    }

    /** The observer methods of an event like {@code payload}, sync and async, in priority order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<ObserverMethod<Object>> observersOf(BeanManager beans, Object payload) {
        Set<ObserverMethod<? super Object>> all = (Set) beans.resolveObserverMethods(payload);
        return all.stream()
                .map(o -> (ObserverMethod<Object>) (ObserverMethod) o)
                .sorted(Comparator.comparingInt(ObserverMethod::getPriority))
                .toList();
    }

    @Override
    public Object getEvent() {
        return payload;
    }

    @Override
    public EventMetadata getMetadata() {
        return new EventMetadata() {
            @Override
            public Set<Annotation> getQualifiers() {
                return ANY;
            }

            @Override
            public InjectionPoint getInjectionPoint() {
                return null;
            }

            @Override
            public Type getType() {
                return payload.getClass();
            }
        };
    }
}
