package io.annals.core.context;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * How one command is dispatched: its id (a command with an id runs at most once), the version the
 * caller pinned for the aggregate it targets (HTTP {@code If-Match}: a stale one fails instead of
 * being retried), and a timeout for the asynchronous path.
 */
public record DispatchOptions(UUID commandId, OptionalLong expectedVersion, Duration timeout) {

    public static final DispatchOptions NONE = new DispatchOptions(null, OptionalLong.empty(), null);

    public DispatchOptions {
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    public static DispatchOptions withCommandId(UUID commandId) {
        return NONE.commandId(commandId);
    }

    public DispatchOptions commandId(UUID id) {
        return new DispatchOptions(id, expectedVersion, timeout);
    }

    public DispatchOptions expectedVersion(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("expected version must be >= 0, was " + version);
        }
        return new DispatchOptions(commandId, OptionalLong.of(version), timeout);
    }

    public DispatchOptions timeout(Duration limit) {
        return new DispatchOptions(commandId, expectedVersion, limit);
    }

    /** Whether the caller pinned a version: conflicts then fail instead of being retried. */
    public boolean pinned() {
        return expectedVersion.isPresent();
    }
}
