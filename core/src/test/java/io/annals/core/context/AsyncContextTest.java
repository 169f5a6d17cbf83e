package io.annals.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value a message carries across threads: copies on change, merging, and attachment to messages. */
class AsyncContextTest {

    private static final AsyncContext ALICE = AsyncContext.withCorrelation("flow-1").withCausation("event-9")
            .withPrincipal("alice").withTenant("north").withAttribute("channel", "web");

    @Test
    void aNewFlowHasARandomCorrelationIdAndNothingElse() {
        AsyncContext first = AsyncContext.create();
        AsyncContext second = AsyncContext.create();

        assertNotNull(first.correlationId());
        assertNotEquals(first.correlationId(), second.correlationId());
        assertNull(first.causationId());
        assertNull(first.principal());
        assertNull(first.tenant());
        assertEquals(Map.of(), first.attributes());
    }

    @Test
    void withMethodsReturnChangedCopiesAndLeaveTheOriginalAlone() {
        AsyncContext base = AsyncContext.withCorrelation("flow-1");

        AsyncContext changed = base.withCausation("c").withPrincipal("p").withTenant("t").withAttribute("k", "v");

        assertEquals(new AsyncContext("flow-1", "c", "p", "t", Map.of("k", "v")), changed);
        assertEquals(new AsyncContext("flow-1", null, null, null, Map.of()), base);
    }

    @Test
    void attributesAreACopyThatCannotBeChanged() {
        Map<String, String> source = new HashMap<>(Map.of("k", "v"));
        AsyncContext context = new AsyncContext("flow-1", null, null, null, source);

        source.put("k", "changed");

        assertEquals(Optional.of("v"), context.attribute("k"));
        assertEquals(Optional.empty(), context.attribute("missing"));
        assertThrows(UnsupportedOperationException.class, () -> context.attributes().put("x", "y"));
        assertEquals(Map.of(), new AsyncContext("flow-1", null, null, null, null).attributes());
    }

    @Test
    void aCorrelationIdIsRequired() {
        assertEquals("correlationId", assertThrows(NullPointerException.class,
                () -> new AsyncContext(null, null, null, null, Map.of())).getMessage());
    }

    @Test
    void mergeKeepsThisContextsValuesAndFillsTheGapsFromTheOther() {
        AsyncContext sparse = AsyncContext.withCorrelation("flow-2").withPrincipal("bob").withAttribute("channel", "api");

        AsyncContext merged = sparse.merge(ALICE.withAttribute("region", "eu"));

        assertEquals(new AsyncContext("flow-2", "event-9", "bob", "north", Map.of("channel", "api", "region", "eu")), merged);
    }

    @Test
    void aContextAttachedToAMessageIsFoundThroughThatMessage() {
        Note note = new Note("hello");

        Note returned = ALICE.attach(note);

        assertSame(note, returned);
        assertEquals(Optional.of(ALICE), AsyncContext.of(note));
    }

    @Test
    void anEqualButDistinctMessageDoesNotShareTheAttachment() {
        Note attached = ALICE.attach(new Note("same"));

        assertEquals(Optional.of(ALICE), AsyncContext.of(attached));
        assertEquals(Optional.empty(), AsyncContext.of(new Note("same")));
    }

    @Test
    void aMergedOrChangedContextCanBeAttachedAndFound() {
        Note merged = AsyncContext.withCorrelation("flow-3").merge(ALICE).attach(new Note("merged"));
        Note changed = ALICE.withPrincipal("carol").attach(new Note("changed"));

        assertEquals("alice", AsyncContext.of(merged).orElseThrow().principal());
        assertEquals("flow-3", AsyncContext.of(merged).orElseThrow().correlationId());
        assertEquals("carol", AsyncContext.of(changed).orElseThrow().principal());
        assertEquals("flow-1", AsyncContext.of(changed).orElseThrow().correlationId());
    }

    @Test
    void attachingAgainReplacesTheEarlierContext() {
        Note note = ALICE.attach(new Note("twice"));

        AsyncContext.withCorrelation("flow-4").attach(note);

        assertEquals("flow-4", AsyncContext.of(note).orElseThrow().correlationId());
    }

    @Test
    void aMessageWithoutAttachmentHasNoContext() {
        assertTrue(AsyncContext.of(new Note("bare")).isEmpty());
    }

    record Note(String text) {
    }
}
