package io.annals.benchmarks;

import io.annals.core.command.CommandBus;
import io.annals.core.store.InMemoryEventStore;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * P5: in-JVM dispatch with a trivial handler and no store, in nanoseconds per command — the
 * blocking path (request-context activation and validation included), the asynchronous path, and
 * a command through repository and in-memory store.
 */
final class DispatchCase {

    private static final int OPS = 200_000;

    void run(Harness harness, Report report) throws Exception {
        StoreUnderTest.use(new InMemoryEventStore());
        try (WeldContainer container = new Weld().addExtension(new WithoutContainerGlue()).initialize()) {
            CommandBus bus = container.select(CommandBus.class).get();
            Measurement blocking = harness.measureThroughput("blocking", OPS, (c, i) -> bus.executeBlocking(new Ping(i)));
            Measurement async = harness.measureThroughput("async", OPS / 4,
                    (c, i) -> bus.execute(new Ping(i)).toCompletableFuture().join());
            Measurement stored = harness.measureThroughput("in-memory store", OPS / 20,
                    (c, i) -> bus.executeBlocking(new OpenTally(UUID.randomUUID())));
            report.row("P5", "dispatch, blocking (context + validation)", Report.nanos(blocking.nanosPerOp()), "-", "-",
                    "≤ 2,000 ns", Report.verdict(blocking.nanosPerOp() <= 2_000));
            report.row("P5", "dispatch, async (managed executor)", Report.nanos(async.nanosPerOp()), "-", "-", "reported", "");
            report.row("P5", "command → repository → in-memory store", Report.nanos(stored.nanosPerOp()), "-", "-", "reported", "");
        }
    }
}
