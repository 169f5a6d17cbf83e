package io.annals.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void aDottedKeyIsAlsoFoundUnderItsEnvironmentName() {
        Settings settings = Settings.of(Map.of("ANNALS_FORWARDER_MY_HOOK_URL", "http://127.0.0.1/x"));

        assertEquals(Optional.of("http://127.0.0.1/x"), settings.get("annals.forwarder.my-hook.url"));
        assertEquals("ANNALS_PROCESSORS_BATCH_SIZE", Settings.environmentName("annals.processors.batch-size"));
    }

    @Test
    void theDottedSpellingWinsAndBlankCountsAsAbsent() {
        Settings settings = Settings.of(Map.of("annals.a", " 1 ", "ANNALS_A", "2", "annals.b", "  "));

        assertEquals(Optional.of("1"), settings.get("annals.a"));
        assertEquals(Optional.empty(), settings.get("annals.b"));
    }

    @Test
    void numbersAndFlagsAreCheckedWithTheKeyInTheMessage() {
        Settings settings = Settings.of(Map.of("n", "x", "small", "0", "f", "yes"));

        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.number("n", 1, 1)).getMessage().contains("n must"));
        assertThrows(IllegalArgumentException.class, () -> settings.number("small", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> settings.flag("f", true));
        assertEquals(7, settings.number("missing", 7, 1));
        assertEquals(Duration.ofMillis(9), settings.millis("missing", Duration.ofMillis(9), 0));
    }

    @Test
    void withoutAConfigImplementationSystemPropertiesAreRead() {
        String key = "annals.test.settings-" + System.nanoTime();
        System.setProperty(key, "from-property");
        try {
            assertEquals(Optional.of("from-property"), Settings.fromEnvironment().get(key));
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void processorSettingsHaveDefaultsAndReadOverrides() {
        ProcessorSettings defaults = ProcessorSettings.from(Settings.of(Map.of()));
        assertTrue(defaults.autostart());
        assertEquals(200, defaults.batchSize());
        assertEquals(3, defaults.retries().maxAttempts());
        assertEquals(Duration.ofSeconds(10), defaults.leaseTtl());
        assertFalse(defaults.instanceId().isBlank());

        ProcessorSettings custom = ProcessorSettings.from(Settings.of(Map.of("ANNALS_PROCESSORS_AUTOSTART", "false",
                "ANNALS_PROCESSORS_MAX_ATTEMPTS", "5", "annals.instance-id", "node-7")));
        assertFalse(custom.autostart());
        assertEquals(5, custom.retries().maxAttempts());
        assertEquals("node-7", custom.instanceId());
    }

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertEquals(Duration.ofMillis(100), policy.backoffAfter(1));
        assertEquals(Duration.ofMillis(200), policy.backoffAfter(2));
        assertEquals(Duration.ofMillis(800), policy.backoffAfter(4));
        assertEquals(Duration.ofSeconds(1), policy.backoffAfter(5));
        assertEquals(Duration.ofSeconds(1), policy.backoffAfter(60));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }
}
