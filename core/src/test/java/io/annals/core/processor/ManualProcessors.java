package io.annals.core.processor;

/**
 * Turns the processors' own polling loops off for the containers a test class boots, so only
 * {@link ProcessorRuntime#awaitIdle} moves them and a test can look at a processor before it ran.
 */
final class ManualProcessors {

    private static final String AUTOSTART = "annals.processors.autostart";

    private ManualProcessors() {
    }

    static void turnLoopsOff() {
        System.setProperty(AUTOSTART, "false");
    }

    static void turnLoopsBackOn() {
        System.clearProperty(AUTOSTART);
    }
}
