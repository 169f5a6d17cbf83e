package io.annals.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values collected during a batch reach their writer once, after the batch, per key. */
class CheckpointBatchTest {

    private final List<String> written = new ArrayList<>();

    @Test
    void outsideABatchAValueIsWrittenAtOnce() {
        CheckpointBatch.collect("rows", "a", values -> written.add(String.join(",", values)));

        assertEquals(List.of("a"), written);
    }

    @Test
    void aBatchHandsEachWriterItsValuesOnceAfterTheDeliveries() {
        CheckpointBatch.run(() -> {
            CheckpointBatch.collect("rows", "a", values -> written.add("rows:" + String.join(",", values)));
            CheckpointBatch.collect("other", "x", values -> written.add("other:" + String.join(",", values)));
            CheckpointBatch.collect("rows", "b", values -> written.add("rows:" + String.join(",", values)));
            assertEquals(List.of(), written, "nothing is written while the batch is delivered");
        }, failure -> failure);

        assertEquals(List.of("rows:a,b", "other:x"), written);
    }

    @Test
    void aFailedWriteBecomesTheBatchsFailureAndLeavesNothingBehind() {
        IllegalStateException refused = new IllegalStateException("row refused");
        RuntimeException reported = assertThrows(RuntimeException.class, () -> CheckpointBatch.run(
                () -> CheckpointBatch.collect("rows", "a", values -> {
                    throw refused;
                }), failure -> new RuntimeException("batch failed", failure)));
        assertSame(refused, reported.getCause());

        CheckpointBatch.collect("rows", "b", values -> written.add(String.join(",", values)));
        assertEquals(List.of("b"), written, "the next value, outside any batch, is written at once");
    }

    @Test
    void aFailedDeliveryDropsWhatTheBatchCollected() {
        assertThrows(IllegalStateException.class, () -> CheckpointBatch.run(() -> {
            CheckpointBatch.collect("rows", "a", values -> written.add(String.join(",", values)));
            throw new IllegalStateException("handler failed");
        }, failure -> failure));

        assertEquals(List.of(), written);
    }
}
