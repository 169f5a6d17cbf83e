package io.annals.web.config;

import io.annals.store.jpa.EmbeddedDatabase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the data source settings from the few {@code ANNALS_*} variables a user sets, so one
 * variable is enough: {@code ANNALS_DB_URL} picks the database and its driver; without it the
 * embedded H2 file database lives under {@code ANNALS_DATA_DIR}. The user defaults to the URL's
 * {@code user} parameter (PostgreSQL), else {@code sa} (H2) or the OS user, as the drivers do.
 * <p>
 * Keys read: {@code annals.db.url}, {@code annals.db.user}, {@code annals.db.password},
 * {@code annals.db.class}, {@code annals.data.dir} — as system properties or environment variables.
 * Keys provided: {@code annals.datasource.url}, {@code .class}, {@code .user} and {@code .password}
 * (only when there is one: MicroProfile Config treats an empty value as missing).
 */
public class DatabaseConfigSource implements ConfigSource {

    static final String URL = "annals.datasource.url";
    static final String DRIVER = "annals.datasource.class";
    static final String USER = "annals.datasource.user";
    static final String PASSWORD = "annals.datasource.password";
    static final String DEFAULT_DATA_DIR = "annals-data";

    private volatile Map<String, String> properties;

    @Override
    public Set<String> getPropertyNames() {
        return properties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties().get(propertyName);
    }

    @Override
    public String getName() {
        return "annals-database";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    private Map<String, String> properties() {
        Map<String, String> known = properties;
        if (known == null) {
            known = derive(DatabaseConfigSource::setting);
            properties = known;
        }
        return known;
    }

    /** The data source URL and class for the given settings (a look-up by MicroProfile key). */
    static Map<String, String> derive(java.util.function.Function<String, String> settings) {
        String url = settings.apply("annals.db.url");
        Map<String, String> derived = new HashMap<>();
        if (url == null) {
            Path dataDir = Path.of(orDefault(settings.apply("annals.data.dir"), DEFAULT_DATA_DIR)).toAbsolutePath().normalize();
            derived.put(URL, EmbeddedDatabase.url(dataDir));
            derived.put(DRIVER, "org.h2.jdbcx.JdbcDataSource");
            derived.put(USER, "sa");
        } else {
            derived.put(URL, url);
            derived.put(DRIVER, orDefault(settings.apply("annals.db.class"), driverOf(url)));
            String user = orDefault(settings.apply("annals.db.user"), urlParameter(url, "user"));
            derived.put(USER, orDefault(user, System.getProperty("user.name")));
            String password = orDefault(settings.apply("annals.db.password"), urlParameter(url, "password"));
            if (password != null) {
                derived.put(PASSWORD, password);
            }
        }
        return Map.copyOf(derived);
    }

    static String driverOf(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.jdbcx.JdbcDataSource";
        }
        throw new IllegalStateException("cannot derive the data source class of " + url.replaceAll("[?;].*", "")
                + ": set ANNALS_DB_CLASS to a javax.sql.DataSource class");
    }

    /** A {@code name=value} parameter of a PostgreSQL-style URL's query string, if present. */
    static String urlParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A MicroProfile key from system properties, else its environment variable ({@code a.b} → {@code A_B}). */
    private static String setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.replace('.', '_').toUpperCase(java.util.Locale.ROOT));
        }
        return value == null || value.isEmpty() ? null : value;
    }
}
