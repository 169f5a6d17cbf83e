package io.annals.web.security;

import io.annals.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Enforces {@code @RolesAllowed} on resources: anonymous callers get 401 with a Basic challenge,
 * authenticated callers without the role 403, both as problems.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            context.register(new Filter(Set.of(allowed.value())));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {
        private final Set<String> roles;

        Filter(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            String instance = request.getUriInfo().getRequestUri().getRawPath();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Problems.toResponse(new jakarta.ws.rs.NotAuthorizedException(BasicAuthentication.CHALLENGE), instance));
                return;
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(Problems.toResponse(new jakarta.ws.rs.ForbiddenException(), instance));
            }
        }
    }
}
