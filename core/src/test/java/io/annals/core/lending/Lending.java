package io.annals.core.lending;

import io.annals.core.testing.InMemoryStores;
import java.util.Arrays;
import java.util.stream.Stream;

/** The lending domain's beans, to add to a test container. */
public final class Lending {

    /** The repository, the command handlers and the query handler. */
    public static final Class<?>[] BEANS = {
        Books.class, AddBookHandler.class, LendBookHandler.class, ReturnBookHandler.class, GetBookHandler.class
    };

    private Lending() {
    }

    /** The lending beans, the in-memory stores and {@code others}. */
    public static Class<?>[] beansWith(Class<?>... others) {
        return Stream.of(Arrays.stream(BEANS), Stream.of(InMemoryStores.class), Arrays.stream(others))
                .flatMap(s -> s).toArray(Class<?>[]::new);
    }
}
