package io.annals.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small nanoTime harness: warm-up runs, then several measured runs; throughput is the median of
 * the runs, latencies are recorded per operation. Warm-up lasts a number of runs, at least a
 * minimum time, and then until the JIT compiler has settled (up to a maximum time): on two cores the
 * compiler takes one of them for several seconds of a command path's first thousands of calls, and
 * a run measured during that measures the compiler. Concurrent cases start their clients together
 * and count every operation of every client. A case and its baseline are best measured with
 * {@link #compare}: their runs alternate, so on a shared machine both see the same load, and the
 * ratio is the median of the ratios of runs made back to back.
 */
final class Harness {

    /** One operation of a case; {@code client} and {@code sequence} let it pick its own stream and data. */
    @FunctionalInterface
    interface Operation {
        void run(int client, long sequence) throws Exception;
    }

    /** What one side of a comparison runs: {@code clients} threads doing {@code opsPerClient} operations per run. */
    record Workload(String name, int clients, int opsPerClient, Operation operation) {
        static Workload of(String name, int ops, Operation operation) {
            return new Workload(name, 1, ops, operation);
        }
    }

    /**
     * A subject and its baseline from alternating runs.
     *
     * @param throughputRatio median over runs of the subject's throughput over the baseline's in the run next to it
     */
    record Comparison(Measurement subject, Measurement baseline, double throughputRatio) {
        /** The subject's time per operation over the baseline's. */
        double timeRatio() {
            return 1 / throughputRatio;
        }
    }

    private final int warmupRuns;
    private final long minimumWarmupNanos;
    private final long maximumWarmupNanos;
    private final int measuredRuns;

    Harness(int warmupRuns, Duration minimumWarmup, Duration maximumWarmup, int measuredRuns) {
        this.warmupRuns = warmupRuns;
        this.minimumWarmupNanos = minimumWarmup.toNanos();
        this.maximumWarmupNanos = maximumWarmup.toNanos();
        this.measuredRuns = measuredRuns;
    }

    private boolean warming(int run, long since, CompilerWatch compiler) {
        long warmed = System.nanoTime() - since;
        if (run < warmupRuns || warmed < minimumWarmupNanos) {
            return true;
        }
        return warmed < maximumWarmupNanos && compiler.busy();
    }

    /**
     * The JIT compiler's share of one core since the last look, looked at once a second at most
     * (a warm-up run can be a few milliseconds); busy until the first full second has passed.
     */
    private static final class CompilerWatch {
        private long sinceNanos = System.nanoTime();
        private long compiledMillis = JitCompiler.compiledMillis();
        private boolean busy = true;

        boolean busy() {
            long now = System.nanoTime();
            long elapsedMillis = (now - sinceNanos) / 1_000_000;
            if (elapsedMillis >= 1_000) {
                long total = JitCompiler.compiledMillis();
                busy = !JitCompiler.settled(total - compiledMillis, elapsedMillis);
                sinceNanos = now;
                compiledMillis = total;
            }
            return busy;
        }
    }

    /**
     * Single-threaded and untimed per operation (two clock reads would dominate sub-microsecond
     * operations): throughput only.
     */
    Measurement measureThroughput(String name, int opsPerRun, Operation operation) throws Exception {
        long sequence = 0;
        long since = System.nanoTime();
        CompilerWatch compiler = new CompilerWatch();
        for (int run = 0; warming(run, since, compiler); run++) {
            loop(opsPerRun, operation, sequence);
            sequence += opsPerRun;
        }
        double[] throughput = new double[measuredRuns];
        for (int run = 0; run < measuredRuns; run++) {
            long elapsed = loop(opsPerRun, operation, sequence);
            sequence += opsPerRun;
            throughput[run] = opsPerRun / (elapsed / 1e9);
        }
        return Measurement.of(name, throughput, new long[0], 0);
    }

    private static long loop(int ops, Operation operation, long firstSequence) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            operation.run(0, firstSequence + i);
        }
        return System.nanoTime() - start;
    }

    /** Measures both workloads in alternating runs (the order swapping from run to run). */
    Comparison compare(Workload subject, Workload baseline) throws Exception {
        long sequence = 0;
        long since = System.nanoTime();
        CompilerWatch compiler = new CompilerWatch();
        for (int run = 0; warming(run, since, compiler); run++) {
            runOnce(subject.clients, subject.opsPerClient, subject.operation, sequence, null);
            runOnce(baseline.clients, baseline.opsPerClient, baseline.operation, sequence, null);
            sequence += Math.max(subject.opsPerClient, baseline.opsPerClient);
        }
        double[] subjectRate = new double[measuredRuns];
        double[] baselineRate = new double[measuredRuns];
        double[] ratios = new double[measuredRuns];
        long[] subjectLatencies = new long[measuredRuns * subject.clients * subject.opsPerClient];
        long[] baselineLatencies = new long[measuredRuns * baseline.clients * baseline.opsPerClient];
        for (int run = 0; run < measuredRuns; run++) {
            if (run % 2 == 0) {
                subjectRate[run] = timedRun(subject, sequence, subjectLatencies, run);
                baselineRate[run] = timedRun(baseline, sequence, baselineLatencies, run);
            } else {
                baselineRate[run] = timedRun(baseline, sequence, baselineLatencies, run);
                subjectRate[run] = timedRun(subject, sequence, subjectLatencies, run);
            }
            ratios[run] = subjectRate[run] / baselineRate[run];
            sequence += Math.max(subject.opsPerClient, baseline.opsPerClient);
        }
        Arrays.sort(ratios);
        return new Comparison(Measurement.of(subject.name, subjectRate, subjectLatencies, subjectLatencies.length),
                Measurement.of(baseline.name, baselineRate, baselineLatencies, baselineLatencies.length),
                ratios[ratios.length / 2]);
    }

    private static double timedRun(Workload workload, long sequence, long[] allLatencies, int run) throws Exception {
        int ops = workload.clients * workload.opsPerClient;
        long[] latencies = new long[ops];
        long elapsed = runOnce(workload.clients, workload.opsPerClient, workload.operation, sequence, latencies);
        System.arraycopy(latencies, 0, allLatencies, run * ops, ops);
        return ops / (elapsed / 1e9);
    }

    private static long runOnce(int clients, int opsPerClient, Operation operation, long firstSequence,
                                long[] latencies) throws Exception {
        if (clients == 1) {
            long start = System.nanoTime();
            for (int i = 0; i < opsPerClient; i++) {
                long before = System.nanoTime();
                operation.run(0, firstSequence + i);
                if (latencies != null) {
                    latencies[i] = System.nanoTime() - before;
                }
            }
            return System.nanoTime() - start;
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < opsPerClient; i++) {
                        long before = System.nanoTime();
                        operation.run(client, firstSequence + i);
                        if (latencies != null) {
                            latencies[client * opsPerClient + i] = System.nanoTime() - before;
                        }
                    }
                    return null;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }
}
