package io.annals.core.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lets a projection's event handler write a database read model once per checkpoint commit rather
 * than once per event: values it {@link #collect}s during a batch are handed to their writer after
 * the batch's last event, in the same commit, before the checkpoint moves. A failed write fails the
 * batch as its last event's failure would, so the processor then commits event by event and the
 * failure is pinned on the event that caused it. Bound to the calling thread by the runtime.
 */
public final class CheckpointBatch {

    private static final ThreadLocal<Map<Object, Pending<?>>> PENDING = new ThreadLocal<>();

    private CheckpointBatch() {
    }

    /**
     * Adds {@code value} to what {@code writer} gets at the end of the current batch, once for every
     * {@code key} (a read model's table, say), in the order of the first value of each key. Outside
     * a batch the writer gets the value at once.
     */
    public static <T> void collect(Object key, T value, Consumer<List<T>> writer) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(writer, "writer");
        Map<Object, Pending<?>> pending = PENDING.get();
        if (pending == null) {
            writer.accept(List.of(value));
            return;
        }
        // the same key always comes with the same writer, so the first one stands for all
        @SuppressWarnings("unchecked")
        Pending<T> forKey = (Pending<T>) pending.computeIfAbsent(key, k -> new Pending<>(writer));
        forKey.values.add(value);
    }

    /**
     * Runs {@code deliveries}, then the writers of what they collected.
     *
     * @param writeFailed what a failed writer's exception becomes
     */
    static void run(Runnable deliveries, Function<RuntimeException, RuntimeException> writeFailed) {
        Map<Object, Pending<?>> outer = PENDING.get();
        Map<Object, Pending<?>> pending = new LinkedHashMap<>();
        PENDING.set(pending);
        try {
            deliveries.run();
            PENDING.set(outer);
            for (Pending<?> writes : pending.values()) {
                try {
                    writes.write();
                } catch (RuntimeException failure) {
                    throw writeFailed.apply(failure);
                }
            }
        } finally {
            PENDING.set(outer);
        }
    }

    private static final class Pending<T> {
        private final Consumer<List<T>> writer;
        private final List<T> values = new ArrayList<>();

        Pending(Consumer<List<T>> writer) {
            this.writer = writer;
        }

        void write() {
            writer.accept(values);
        }
    }
}
