package io.annals.core.discovery;

import io.annals.core.event.EventEnvelope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A saga or projection method: the event type it takes and whether it also wants the envelope.
 * The {@link Method} is resolved once at deployment; invoking it is the only reflection per event.
 */
public record HandlerMethod(Method method, Class<?> eventType, boolean wantsEnvelope) {

    /**
     * The order in which a bean's methods for one event run: by name, then parameter types, so it is
     * the same on every start (reflection promises no order).
     */
    public static final Comparator<HandlerMethod> ORDER = Comparator.comparing(HandlerMethod::signature);

    public HandlerMethod {
        method.setAccessible(true);
    }

    /** Invokes the method on {@code target}; a handler's own exception is rethrown unwrapped. */
    public Object invoke(Object target, EventEnvelope<?> envelope) {
        try {
            return wantsEnvelope
                    ? method.invoke(target, envelope.payload(), envelope)
                    : method.invoke(target, envelope.payload());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(method + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(method + " is not accessible", e);
        }
    }

    private String signature() {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }

    public String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
