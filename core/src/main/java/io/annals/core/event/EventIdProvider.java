package io.annals.core.event;

import java.util.UUID;

/**
 * Gives each event the repository stores its id. The default is {@link TimeOrderedEventIds}; an
 * application replaces it with a CDI alternative implementing this interface (for example
 * {@code @Alternative @Priority(Interceptor.Priority.APPLICATION) @ApplicationScoped}).
 *
 * <p>An id must never be handed out twice: the store takes an id it already holds for a repeat of
 * that event (an idempotent append), and an id stored elsewhere in the log fails the append.
 */
public interface EventIdProvider {

    /** A fresh id, unique across the whole log. */
    UUID nextEventId();
}
