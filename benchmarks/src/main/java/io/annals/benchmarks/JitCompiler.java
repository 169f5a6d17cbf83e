package io.annals.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * When a warm-up may end: the JIT compiler has settled once it used under 5 % of one core over a
 * stretch of warm-up. On two cores it otherwise takes a core into the measured runs.
 */
final class JitCompiler {

    private static final double SETTLED_SHARE = 0.05;

    private JitCompiler() {
    }

    /** Milliseconds this JVM's compiler threads have spent compiling so far. */
    static long compiledMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Whether {@code compiledMillis} of compiling over {@code elapsedMillis} of wall time means settled. */
    static boolean settled(double compiledMillis, double elapsedMillis) {
        return compiledMillis < SETTLED_SHARE * elapsedMillis;
    }
}
