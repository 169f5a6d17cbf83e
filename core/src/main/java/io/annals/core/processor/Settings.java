package io.annals.core.processor;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the runtime's settings come from: a key in, maybe a value out. In the application it is
 * MicroProfile Config (so every key can also be an environment variable); tests hand in a map, so
 * they need no Config implementation. Keys are written dotted ({@code annals.forwarder.audit.url});
 * {@link #get} also tries the environment-variable spelling ({@code ANNALS_FORWARDER_AUDIT_URL}).
 * A blank value counts as absent.
 */
@FunctionalInterface
public interface Settings {

    /** The value stored under exactly this key. */
    Optional<String> lookup(String key);

    /** The value of a dotted key, or of its environment-variable spelling. */
    default Optional<String> get(String key) {
        Optional<String> value = lookup(key).or(() -> lookup(environmentName(key)));
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }

    /** @throws IllegalArgumentException the value is not a whole number of at least {@code min} */
    default long number(String key, long defaultValue, long min) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.get());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + raw.get() + "'", notANumber);
        }
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    default Duration millis(String key, Duration defaultValue, long min) {
        return Duration.ofMillis(number(key, defaultValue.toMillis(), min));
    }

    /** @throws IllegalArgumentException the value is neither true nor false */
    default boolean flag(String key, boolean defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + raw.get() + "'");
        };
    }

    /** Settings from a map (tests, tools). */
    static Settings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key));
    }

    /**
     * MicroProfile Config where an implementation is present (the application server), otherwise
     * system properties, then environment variables.
     */
    static Settings fromEnvironment() {
        try {
            Config config = ConfigProvider.getConfig();
            return key -> config.getOptionalValue(key, String.class);
        } catch (IllegalStateException | LinkageError noConfigImplementation) {
            Logger.getLogger(Settings.class.getName()).log(Level.FINE,
                    "no MicroProfile Config implementation: reading system properties and environment variables",
                    noConfigImplementation);
            return key -> Optional.ofNullable(System.getProperty(key)).or(() -> Optional.ofNullable(System.getenv(key)));
        }
    }

    /** The environment-variable spelling of a key: upper case, every other character an underscore. */
    static String environmentName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
