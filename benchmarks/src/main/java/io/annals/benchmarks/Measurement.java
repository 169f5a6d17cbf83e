package io.annals.benchmarks;

import java.util.Arrays;

/**
 * Timings of one case: operations per second (median over runs) and latency percentiles over every
 * operation of every measured run.
 */
record Measurement(String name, double opsPerSecond, double p50Micros, double p99Micros, double meanMicros) {

    static Measurement of(String name, double[] runOpsPerSecond, long[] latenciesNanos, int latencyCount) {
        double[] sortedRuns = runOpsPerSecond.clone();
        Arrays.sort(sortedRuns);
        long[] sorted = Arrays.copyOf(latenciesNanos, latencyCount);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1_000.0;
        return new Measurement(name, sortedRuns[sortedRuns.length / 2], percentile(sorted, 0.50), percentile(sorted, 0.99), mean);
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000.0;
    }

    /** Mean nanoseconds per operation, from the median throughput. */
    double nanosPerOp() {
        return 1e9 / opsPerSecond;
    }
}
