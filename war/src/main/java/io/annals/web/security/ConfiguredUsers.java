package io.annals.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The users configuration defines: an administrator ({@code ANNALS_ADMIN_USER} /
 * {@code ANNALS_ADMIN_PASSWORD}, role {@code admin}) and an ordinary user ({@code ANNALS_USER} /
 * {@code ANNALS_USER_PASSWORD}). There is no default password: an unconfigured user does not exist.
 */
@ApplicationScoped
public class ConfiguredUsers {

    private static final Logger LOG = Logger.getLogger(ConfiguredUsers.class.getName());

    @Inject
    @ConfigProperty(name = "annals.admin.user")
    Optional<String> adminUser;

    @Inject
    @ConfigProperty(name = "annals.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "annals.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "annals.user.password")
    Optional<String> userPassword;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (adminUser.isEmpty() || adminPassword.isEmpty()) {
            LOG.warning("The admin API (/api/events, /api/projections, ...) is closed: no administrator is configured. "
                    + "Set ANNALS_ADMIN_USER and ANNALS_ADMIN_PASSWORD to open it.");
        }
    }

    /** The groups of the user these credentials identify, or empty when they identify nobody. */
    public Optional<Set<String>> authenticate(String name, String password) {
        if (matches(adminUser, adminPassword, name, password)) {
            return Optional.of(Set.of("admin"));
        }
        if (matches(user, userPassword, name, password)) {
            return Optional.of(Set.of("user"));
        }
        return Optional.empty();
    }

    private static boolean matches(Optional<String> expectedName, Optional<String> expectedPassword, String name, String password) {
        if (expectedName.isEmpty() || expectedPassword.isEmpty()) {
            return false;
        }
        // both compared in constant time, so timing does not tell which part was wrong
        boolean nameMatches = MessageDigest.isEqual(bytes(expectedName.get()), bytes(name));
        boolean passwordMatches = MessageDigest.isEqual(bytes(expectedPassword.get()), bytes(password));
        return nameMatches & passwordMatches;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
