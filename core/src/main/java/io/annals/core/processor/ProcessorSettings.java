package io.annals.core.processor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * The runtime's tunables, read from {@link Settings}:
 * <ul>
 *   <li>{@code annals.processors.autostart} (true): run each processor on its own thread; false
 *       leaves them to {@link ProcessorRuntime#awaitIdle}</li>
 *   <li>{@code annals.processors.batch-size} (200): events read per poll</li>
 *   <li>{@code annals.processors.max-attempts} (3), {@code .retry-backoff-millis} (100),
 *       {@code .max-retry-backoff-millis} (5000): tries per event before it is parked</li>
 *   <li>{@code annals.processors.max-idle-millis} (1000): the longest wait between polls when no
 *       local append wakes a processor</li>
 *   <li>{@code annals.processors.lease-ttl-millis} (10000): how long a processor lease lasts
 *       unrenewed</li>
 *   <li>{@code annals.instance-id}: this instance's lease owner id (host name plus a random suffix)</li>
 * </ul>
 */
public record ProcessorSettings(boolean autostart, int batchSize, RetryPolicy retries, Duration maxIdle,
                                Duration leaseTtl, String instanceId) {

    public static ProcessorSettings from(Settings settings) {
        RetryPolicy retries = new RetryPolicy(
                (int) settings.number("annals.processors.max-attempts", 3, 1),
                settings.millis("annals.processors.retry-backoff-millis", Duration.ofMillis(100), 0),
                settings.millis("annals.processors.max-retry-backoff-millis", Duration.ofSeconds(5), 0));
        return new ProcessorSettings(
                settings.flag("annals.processors.autostart", true),
                (int) settings.number("annals.processors.batch-size", 200, 1),
                retries,
                settings.millis("annals.processors.max-idle-millis", Duration.ofSeconds(1), 10),
                settings.millis("annals.processors.lease-ttl-millis", Duration.ofSeconds(10), 100),
                settings.get("annals.instance-id").orElseGet(ProcessorSettings::defaultInstanceId));
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "instance";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
