package io.annals.core.forward;

import io.annals.core.processor.RetryPolicy;
import io.annals.core.processor.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One forwarder's configuration. Read from {@link Settings} (MicroProfile Config, so each key can be
 * an environment variable):
 * <ul>
 *   <li>{@code ANNALS_FORWARDERS}: forwarder names, comma-separated</li>
 *   <li>{@code ANNALS_FORWARDER_<NAME>_TYPE}: {@code log} (default) or {@code http}</li>
 *   <li>{@code _URL}: the webhook (http and https only; required for {@code http})</li>
 *   <li>{@code _SECRET}: when set, each POST carries {@code X-Annals-Signature: sha256=<hex HMAC-SHA256 of the body>}</li>
 *   <li>{@code _TYPES}: event type names to send, comma-separated; empty sends all</li>
 *   <li>{@code _MAX_ATTEMPTS}: attempts per event before it becomes a dead letter (default 10)</li>
 *   <li>{@code _TIMEOUT_MILLIS} (10000), {@code _BACKOFF_MILLIS} (100), {@code _MAX_BACKOFF_MILLIS} (30000):
 *       the request timeout, and the first and the longest pause between attempts (doubling)</li>
 * </ul>
 * The dotted spellings ({@code annals.forwarders}, {@code annals.forwarder.<name>.url}) work too.
 */
public record ForwarderSettings(String name, ForwarderType type, URI url, String secret, Set<String> eventTypes,
                                int maxAttempts, Duration timeout, Duration initialBackoff, Duration maxBackoff) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public ForwarderSettings {
        eventTypes = Set.copyOf(eventTypes);
    }

    /** Whether events of this type name are sent. */
    public boolean sends(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
    }

    /**
     * Every configured forwarder, in the order named.
     *
     * @throws InvalidForwarderConfigurationException a name or setting is malformed or missing
     */
    public static List<ForwarderSettings> read(Settings settings) {
        List<ForwarderSettings> forwarders = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : list(settings.get("annals.forwarders"))) {
            if (!NAME.matcher(name).matches()) {
                throw new InvalidForwarderConfigurationException("ANNALS_FORWARDERS names '" + name
                        + "': a forwarder name is 1-64 letters, digits, '-' or '_'");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidForwarderConfigurationException("ANNALS_FORWARDERS names '" + name + "' twice");
            }
            forwarders.add(readOne(settings, name));
        }
        return forwarders;
    }

    private static ForwarderSettings readOne(Settings settings, String name) {
        String prefix = "annals.forwarder." + name + ".";
        ForwarderType type = type(settings, prefix + "type");
        URI url = settings.get(prefix + "url").map(raw -> url(prefix + "url", raw)).orElse(null);
        if (type == ForwarderType.HTTP && url == null) {
            throw new InvalidForwarderConfigurationException(key(prefix + "url") + " is required for an http forwarder");
        }
        try {
            return new ForwarderSettings(name, type, url, settings.get(prefix + "secret").orElse(null),
                    Set.copyOf(list(settings.get(prefix + "types"))),
                    (int) settings.number(prefix + "max-attempts", 10, 1),
                    settings.millis(prefix + "timeout-millis", Duration.ofSeconds(10), 1),
                    settings.millis(prefix + "backoff-millis", Duration.ofMillis(100), 0),
                    settings.millis(prefix + "max-backoff-millis", Duration.ofSeconds(30), 0));
        } catch (IllegalArgumentException malformed) {
            throw new InvalidForwarderConfigurationException("forwarder " + name + ": " + malformed.getMessage(), malformed);
        }
    }

    private static ForwarderType type(Settings settings, String key) {
        String raw = settings.get(key).orElse("log");
        try {
            return ForwarderType.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidForwarderConfigurationException(key(key) + " must be log or http, was '" + raw + "'", unknown);
        }
    }

    private static URI url(String key, String raw) {
        try {
            URI url = new URI(raw);
            if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new InvalidForwarderConfigurationException(key(key) + " must be an http or https URL, was '" + raw + "'");
            }
            return url;
        } catch (URISyntaxException malformed) {
            throw new InvalidForwarderConfigurationException(key(key) + " is not a URL: " + malformed.getMessage(), malformed);
        }
    }

    private static List<String> list(Optional<String> raw) {
        return raw.map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList())).orElse(List.of());
    }

    private static String key(String dotted) {
        return Settings.environmentName(dotted);
    }
}
