package io.annals.core.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records the aggregate instances a repository saves on this thread while a trace is open. The test
 * fixtures use it to compare the state a command left with the state rebuilt from the stream.
 */
public final class AggregateTrace {

    private static final ThreadLocal<List<AggregateRoot<?, ?>>> SAVED = new ThreadLocal<>();

    private AggregateTrace() {
    }

    /** Runs {@code work} and returns the aggregates saved on this thread meanwhile. */
    public static List<AggregateRoot<?, ?>> during(Runnable work) {
        return during(() -> {
            work.run();
            return null;
        }).saved();
    }

    public static <T> Traced<T> during(Supplier<T> work) {
        List<AggregateRoot<?, ?>> saved = new ArrayList<>();
        List<AggregateRoot<?, ?>> outer = SAVED.get();
        SAVED.set(saved);
        try {
            return new Traced<>(work.get(), saved);
        } finally {
            SAVED.set(outer);
        }
    }

    static void saved(AggregateRoot<?, ?> aggregate) {
        List<AggregateRoot<?, ?>> saved = SAVED.get();
        if (saved != null) {
            saved.add(aggregate);
        }
    }

    /** A result and the aggregates saved while computing it. */
    public record Traced<T>(T result, List<AggregateRoot<?, ?>> saved) {
    }
}
