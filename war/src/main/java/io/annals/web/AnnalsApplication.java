package io.annals.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The HTTP API under {@code /api}. Resources and providers are discovered by scanning; JSON is
 * Jackson's (JSON-B is kept out so one mapper configuration decides every body).
 */
@ApplicationPath("api")
@DeclareRoles({"admin", "user"})
@OpenAPIDefinition(info = @Info(title = "Annals", version = "0.1.0",
        description = "CQRS and event sourcing for Jakarta EE: the bank and heroes demo modules and the admin API. "
                + "Errors are application/problem+json (RFC 9457)."),
        tags = {@Tag(name = "accounts", description = "Bank accounts and transfers"),
                @Tag(name = "heroes", description = "The heroes game; a saga drops an ancient item after each slain dragon"),
                @Tag(name = "admin", description = "The global log, projections, dead letters and forwarders (role admin)")})
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class AnnalsApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.jsonFeature", "JacksonFeature",
                "jersey.config.server.disableMoxyJson", true,
                "jersey.config.server.wadl.disableWadl", true);
    }
}
