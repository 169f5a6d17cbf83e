package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.event.EventDescriptor;
import io.annals.core.event.EventEnvelope;
import io.annals.core.processor.Saga;
import io.annals.core.store.EventMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Tests a saga bean's reaction: given an event, then these commands. Calls the bean's
 * {@link Saga} methods for the event's type directly, in the processor's order (by method name);
 * dispatch, ids and context are the processor's business and tested there.
 */
public final class SagaFixture {

    private final Object saga;

    private SagaFixture(Object saga) {
        this.saga = saga;
    }

    public static SagaFixture of(Object saga) {
        return new SagaFixture(saga);
    }

    public Reaction given(Object event) {
        return given(event, "saga-fixture-stream", 1);
    }

    /** The event as stored in a stream at a version (for sagas that read the envelope). */
    public Reaction given(Object event, String streamId, long version) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(event, UUID.randomUUID(), streamId, version, 1,
                EventDescriptor.of(event.getClass()).name(), new EventMetadata("saga-fixture", null, null, null), Instant.now());
        List<Object> commands = new ArrayList<>();
        for (Method step : stepsFor(event.getClass())) {
            commands.addAll(invoke(step, envelope));
        }
        return new Reaction(commands);
    }

    /**
     * The saga's steps for an event type, each once (a container's proxy overrides them), in the
     * order the processor runs them.
     */
    private List<Method> stepsFor(Class<?> eventType) {
        Map<String, Method> steps = new TreeMap<>();
        for (Class<?> type = saga.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Saga.class) && method.getParameterCount() > 0
                        && method.getParameterTypes()[0] == eventType) {
                    steps.putIfAbsent(method.getName() + Arrays.toString(method.getParameterTypes()), method);
                }
            }
        }
        return List.copyOf(steps.values());
    }

    private Collection<?> invoke(Method method, EventEnvelope<Object> envelope) {
        method.setAccessible(true);
        try {
            Object returned = method.getParameterCount() == 2
                    ? method.invoke(saga, envelope.payload(), envelope)
                    : method.invoke(saga, envelope.payload());
            if (returned == null) {
                return List.of();
            }
            return returned instanceof Collection<?> many ? many : List.of(returned);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The commands the saga returned. */
    public record Reaction(List<Object> commands) {

        public void then(Object... expected) {
            assertEquals(Arrays.asList(expected), commands, "commands the saga returned");
        }

        public void thenNothing() {
            assertEquals(List.of(), commands, "the saga should not react");
        }
    }
}
