package io.annals.core.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.processor.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwarderSettingsTest {

    private static List<ForwarderSettings> read(Map<String, String> values) {
        return ForwarderSettings.read(Settings.of(values));
    }

    private static String failure(Map<String, String> values) {
        return assertThrows(InvalidForwarderConfigurationException.class, () -> read(values)).getMessage();
    }

    @Test
    void noForwardersUnlessNamed() {
        assertEquals(List.of(), read(Map.of()));
    }

    @Test
    void aNamedForwarderDefaultsToTheLogForEveryTypeWithTenAttempts() {
        ForwarderSettings audit = read(Map.of("ANNALS_FORWARDERS", "audit")).get(0);

        assertEquals("audit", audit.name());
        assertEquals(ForwarderType.LOG, audit.type());
        assertNull(audit.url());
        assertNull(audit.secret());
        assertEquals(Set.of(), audit.eventTypes());
        assertTrue(audit.sends("AnythingAtAll"));
        assertEquals(10, audit.maxAttempts());
        assertEquals(Duration.ofSeconds(10), audit.timeout());
    }

    @Test
    void readsEveryKeyOfAnHttpForwarder() {
        ForwarderSettings hook = read(Map.of(
                "ANNALS_FORWARDERS", "audit, billing-hook",
                "ANNALS_FORWARDER_BILLING_HOOK_TYPE", "HTTP",
                "ANNALS_FORWARDER_BILLING_HOOK_URL", "https://billing.example/hooks",
                "ANNALS_FORWARDER_BILLING_HOOK_SECRET", "k",
                "ANNALS_FORWARDER_BILLING_HOOK_TYPES", "MoneyDeposited,MoneyWithdrawn",
                "ANNALS_FORWARDER_BILLING_HOOK_MAX_ATTEMPTS", "4")).get(1);

        assertEquals("billing-hook", hook.name());
        assertEquals(ForwarderType.HTTP, hook.type());
        assertEquals(URI.create("https://billing.example/hooks"), hook.url());
        assertEquals("k", hook.secret());
        assertEquals(Set.of("MoneyDeposited", "MoneyWithdrawn"), hook.eventTypes());
        assertTrue(hook.sends("MoneyDeposited"));
        assertTrue(!hook.sends("AccountOpened"));
        assertEquals(4, hook.retryPolicy().maxAttempts());
    }

    @Test
    void theDottedSpellingWorksToo() {
        ForwarderSettings hook = read(Map.of("annals.forwarders", "hook", "annals.forwarder.hook.type", "http",
                "annals.forwarder.hook.url", "http://127.0.0.1:9/x")).get(0);

        assertEquals(ForwarderType.HTTP, hook.type());
    }

    @Test
    void refusesMalformedSettingsNamingTheKey() {
        assertTrue(failure(Map.of("ANNALS_FORWARDERS", "h", "ANNALS_FORWARDER_H_TYPE", "http"))
                .contains("ANNALS_FORWARDER_H_URL"));
        assertTrue(failure(Map.of("ANNALS_FORWARDERS", "h", "ANNALS_FORWARDER_H_TYPE", "kafka"))
                .contains("ANNALS_FORWARDER_H_TYPE"));
        assertTrue(failure(Map.of("ANNALS_FORWARDERS", "h", "ANNALS_FORWARDER_H_URL", "ftp://x/y"))
                .contains("ANNALS_FORWARDER_H_URL"));
        assertTrue(failure(Map.of("ANNALS_FORWARDERS", "h", "ANNALS_FORWARDER_H_MAX_ATTEMPTS", "0"))
                .contains("max-attempts"));
        assertTrue(failure(Map.of("ANNALS_FORWARDERS", "h,H")).contains("twice"));
        assertTrue(failure(Map.of("ANNALS_FORWARDERS", "bad name")).contains("bad name"));
    }

    @Test
    void signsWithHmacSha256InLowerCaseHex() {
        // RFC 4231, test case 2
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
