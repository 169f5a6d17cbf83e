package io.annals.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The small type a writer states its belief about a stream's version with. */
class ExpectedVersionTest {

    @Test
    void anyMatchesEveryVersionIncludingAMissingStream() {
        assertTrue(ExpectedVersion.ANY.isAny());
        assertTrue(ExpectedVersion.ANY.matches(0));
        assertTrue(ExpectedVersion.ANY.matches(42));
    }

    @Test
    void noStreamMatchesOnlyAMissingStream() {
        assertTrue(ExpectedVersion.NO_STREAM.matches(0));
        assertFalse(ExpectedVersion.NO_STREAM.matches(1));
        assertFalse(ExpectedVersion.NO_STREAM.isAny());
    }

    @Test
    void anExactVersionMatchesOnlyThatVersion() {
        assertTrue(ExpectedVersion.exactly(3).matches(3));
        assertFalse(ExpectedVersion.exactly(3).matches(2));
        assertFalse(ExpectedVersion.exactly(3).matches(4));
    }

    @Test
    void aLoadedVersionOfZeroMeansNoStream() {
        assertEquals(ExpectedVersion.NO_STREAM, ExpectedVersion.of(0));
        assertEquals(ExpectedVersion.exactly(5), ExpectedVersion.of(5));
        assertThrows(IllegalArgumentException.class, () -> ExpectedVersion.of(-1));
    }

    @Test
    void readsAsWhatItMeans() {
        assertEquals("ANY", ExpectedVersion.ANY.toString());
        assertEquals("NO_STREAM", ExpectedVersion.NO_STREAM.toString());
        assertEquals("7", ExpectedVersion.exactly(7).toString());
    }
}
