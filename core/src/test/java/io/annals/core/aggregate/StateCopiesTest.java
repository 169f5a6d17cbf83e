package io.annals.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.annals.core.event.AnnalsJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A kept state is copied exactly as a JSON round trip would give it back, or not at all (the
 * repository then keeps JSON).
 */
class StateCopiesTest {

    private static final ObjectMapper JSON = AnnalsJson.newMapper();

    enum Level { LOW, HIGH }

    record Line(UUID id, BigDecimal amount, Level level) {
    }

    record Ledger(String owner, long count, BigDecimal balance, Instant openedAt, List<Line> lines, Set<UUID> seen,
                  Map<String, Integer> tags, Line last) {
    }

    record Opaque(Object anything) {
    }

    record Annotated(String owner, @JsonIgnore String secret) {
    }

    record Zoned(OffsetDateTime at) {
    }

    record Sorted(java.util.TreeSet<String> names) {
    }

    interface Shape {
    }

    record Square(int side) implements Shape {
    }

    record Shapes(List<Shape> shapes) {
    }

    @Test
    void aCopyEqualsWhatAJsonRoundTripGivesBackWithFreshMutableCollections() throws Exception {
        UUID line = UUID.randomUUID();
        Ledger state = new Ledger("ada", 3, new BigDecimal("10.50"), Instant.parse("2026-11-21T10:15:30.123456Z"),
                List.of(new Line(line, new BigDecimal("1.00"), Level.HIGH)), Set.of(line), Map.of("vip", 1),
                new Line(line, BigDecimal.ONE, Level.LOW));

        Ledger copy = (Ledger) StateCopies.copy(state).orElseThrow();

        assertEquals(JSON.readValue(JSON.writeValueAsString(state), Ledger.class), copy);
        assertEquals(state, copy);
        assertNotSame(state.last(), copy.last());
        assertInstanceOf(ArrayList.class, copy.lines());
        assertInstanceOf(HashSet.class, copy.seen());
        assertInstanceOf(LinkedHashMap.class, copy.tags());
        copy.lines().clear();
        assertEquals(1, state.lines().size(), "the original is untouched by changes to the copy");
        assertSame(state.owner(), copy.owner(), "immutable values are shared");
    }

    @Test
    void refusesWhatACopyWouldNotReproduceAsJsonDoes() {
        assertTrue(StateCopies.copy(new Opaque("text")).isEmpty(), "a value declared as Object");
        assertTrue(StateCopies.copy(new Annotated("ada", "hidden")).isEmpty(), "Jackson annotations");
        assertTrue(StateCopies.copy(new Zoned(OffsetDateTime.now(ZoneOffset.ofHours(2)))).isEmpty(),
                "an offset time comes back in UTC from JSON");
        assertTrue(StateCopies.copy(new Sorted(new java.util.TreeSet<>(List.of("a")))).isEmpty(), "a sorted set");
        assertTrue(StateCopies.copy(new Shapes(List.of(new Square(2)))).isEmpty(), "an element of another class than declared");
        assertEquals(Optional.empty(), StateCopies.copy("not a record"));
    }

    @Test
    void aNullComponentStaysNull() {
        Ledger state = new Ledger(null, 0, null, null, null, null, null, null);

        assertEquals(state, StateCopies.copy(state).orElseThrow());
    }
}
