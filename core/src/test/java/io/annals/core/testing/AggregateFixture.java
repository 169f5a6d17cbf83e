package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.annals.core.aggregate.AggregateRoot;
import io.annals.core.aggregate.AggregateTrace;
import io.annals.core.aggregate.EventSourcedRepository;
import io.annals.core.command.Command;
import io.annals.core.command.CommandBus;
import io.annals.core.discovery.GenericTypes;
import io.annals.core.event.EventSerializer;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Given/when/then tests of an aggregate's rules through its real command handler: given past events,
 * when a command goes through the {@link CommandBus}, then these events were stored (or this
 * exception was thrown and nothing was stored). After a successful command it also checks that each
 * saved aggregate's state equals the state rebuilt from its whole stream, which catches state changed
 * outside {@code when}.
 */
public final class AggregateFixture<A extends AggregateRoot<ID, ?>, ID> {

    private final EventSourcedRepository<A, ID> repository;
    private final CommandBus commands;
    private final EventStore store;
    private final EventSerializer serializer;

    private AggregateFixture(EventSourcedRepository<A, ID> repository, CommandBus commands, EventStore store,
                             EventSerializer serializer) {
        this.repository = repository;
        this.commands = commands;
        this.store = store;
        this.serializer = serializer;
    }

    public static <A extends AggregateRoot<ID, ?>, ID> AggregateFixture<A, ID> of(
            EventSourcedRepository<A, ID> repository, CommandBus commands, EventStore store, EventSerializer serializer) {
        return new AggregateFixture<>(repository, commands, store, serializer);
    }

    /** Past events of one aggregate, stored before the command runs. */
    public Given given(ID id, Object... history) {
        return new Given().and(id, history);
    }

    /** No past events. */
    public Given givenNothing() {
        return new Given();
    }

    /** The history part; more aggregates can be added with {@link #and}. */
    public final class Given {

        public Given and(ID id, Object... history) {
            if (history.length > 0) {
                String stream = repository.streamId(id);
                List<NewEvent> batch = new ArrayList<>();
                for (Object event : history) {
                    batch.add(serializer.toNewEvent(event, EventMetadata.EMPTY));
                }
                store.append(stream, ExpectedVersion.of(store.streamVersion(stream)), batch);
            }
            return this;
        }

        public When when(Command<?> command) {
            long head = store.headPosition();
            Object result = null;
            Throwable failure = null;
            List<AggregateRoot<?, ?>> saved = List.of();
            try {
                AggregateTrace.Traced<Object> traced = AggregateTrace.during(() -> commands.executeBlocking(command));
                result = traced.result();
                saved = traced.saved();
            } catch (RuntimeException | AssertionError thrown) {
                failure = thrown;
            }
            return new When(head, result, failure, saved);
        }
    }

    /** The outcome of the command, to assert on. */
    public final class When {
        private final long headBefore;
        private final Object result;
        private final Throwable failure;
        private final List<AggregateRoot<?, ?>> saved;

        private When(long headBefore, Object result, Throwable failure, List<AggregateRoot<?, ?>> saved) {
            this.headBefore = headBefore;
            this.result = result;
            this.failure = failure;
            this.saved = saved;
        }

        /** Asserts the command succeeded and stored exactly these events, in order. */
        public When then(Object... expected) {
            if (failure != null) {
                fail("expected events " + Arrays.toString(expected) + " but the command failed: " + failure, failure);
            }
            assertEquals(Arrays.asList(expected), newEvents(), "events stored by the command");
            assertStateMatchesReplay();
            return this;
        }

        /** Asserts the command failed with this exception type and stored nothing. */
        public <X extends Throwable> X thenRefused(Class<X> expected) {
            if (failure == null) {
                fail("expected " + expected.getSimpleName() + " but the command succeeded and stored " + newEvents());
            }
            X refusal = assertInstanceOf(expected, failure, "the command's exception");
            assertEquals(List.of(), newEvents(), "a refused command stores nothing");
            return refusal;
        }

        /** The command's result, after asserting it succeeded. */
        public Object result() {
            assertNull(failure, () -> "the command failed: " + failure);
            return result;
        }

        private List<Object> newEvents() {
            List<Object> payloads = new ArrayList<>();
            for (StoredEvent stored : store.readAll(headBefore, Integer.MAX_VALUE)) {
                payloads.add(serializer.payloadOf(stored));
            }
            return payloads;
        }

        @SuppressWarnings("unchecked")
        private boolean isOfThisRepository(AggregateRoot<?, ?> live) {
            Optional<Class<?>> aggregateType = GenericTypes.argument(repository.getClass(), EventSourcedRepository.class, 0);
            if (aggregateType.isPresent()) {
                return aggregateType.get().isInstance(live);
            }
            return live.getClass().isInstance(repository.create((ID) live.id()));
        }

        @SuppressWarnings("unchecked")
        private void assertStateMatchesReplay() {
            for (AggregateRoot<?, ?> live : saved) {
                // a handler may also save aggregates of other repositories; only this one's can be rebuilt here
                if (!isOfThisRepository(live)) {
                    continue;
                }
                A rebuilt = repository.find((ID) live.id()).orElseThrow();
                assertEquals(rebuilt.version(), live.version(), "version after the command vs. rebuilt");
                for (Class<?> type = live.getClass(); type != AggregateRoot.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers())) {
                            continue;
                        }
                        field.setAccessible(true);
                        try {
                            Object after = field.get(live);
                            Object replayed = field.get(rebuilt);
                            if (!Objects.deepEquals(after, replayed)) {
                                fail(type.getSimpleName() + "." + field.getName() + " is " + after
                                        + " after the command but " + replayed + " when rebuilt from its events:"
                                        + " state must change only in when()");
                            }
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
    }
}
