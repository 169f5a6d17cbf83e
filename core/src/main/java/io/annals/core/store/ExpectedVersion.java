package io.annals.core.store;

/**
 * What a writer believes a stream's version to be: {@link #ANY}, {@link #NO_STREAM} or an exact
 * version (1 or more).
 */
public record ExpectedVersion(long value) {

    /** Any version, including a stream that does not exist yet. */
    public static final ExpectedVersion ANY = new ExpectedVersion(-1);
    /** The stream must not exist yet. */
    public static final ExpectedVersion NO_STREAM = new ExpectedVersion(0);

    public ExpectedVersion {
        if (value < -1) {
            throw new IllegalArgumentException("expected version must be ANY, NO_STREAM or >= 1, was " + value);
        }
    }

    /** An exact version: 1 or more. */
    public static ExpectedVersion exactly(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("an exact expected version must be >= 1, was " + version);
        }
        return new ExpectedVersion(version);
    }

    /** The version a loaded aggregate was at: 0 means the stream does not exist yet. */
    public static ExpectedVersion of(long loadedVersion) {
        if (loadedVersion < 0) {
            throw new IllegalArgumentException("a loaded version is >= 0, was " + loadedVersion);
        }
        return loadedVersion == 0 ? NO_STREAM : new ExpectedVersion(loadedVersion);
    }

    public boolean isAny() {
        return value == -1;
    }

    /** Whether a stream currently at {@code actual} (0 = absent) satisfies this expectation. */
    public boolean matches(long actual) {
        return isAny() || value == actual;
    }

    @Override
    public String toString() {
        return value == -1 ? "ANY" : value == 0 ? "NO_STREAM" : Long.toString(value);
    }
}
