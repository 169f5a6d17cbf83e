package io.annals.web.admin;

import io.annals.core.store.EventStore;
import io.annals.web.http.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annals.core.event.EventJson;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The global log, in position order. */
@Path("events")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "admin")
@SecurityRequirement(name = "basic")
public class EventsResource {

    @Inject
    EventStore store;

    @Inject
    EventJson events;

    @GET
    @Operation(summary = "Events of the global log after a position")
    @APIResponse(responseCode = "200", description = "Events with position > after, at most limit, in position order")
    @APIResponse(responseCode = "400", description = "after or limit out of range", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public List<ObjectNode> events(@Parameter(description = "position to read after (>= 0, default 0)") @QueryParam("after") String after,
                                  @Parameter(description = "at most this many (1-1000, default 100)") @QueryParam("limit") String limit) {
        long afterPosition = QueryParams.longParam("after", after, 0, 0, Long.MAX_VALUE);
        int max = QueryParams.intParam("limit", limit, 100, 1, 1000);
        return store.readAll(afterPosition, max).stream().map(events::toTree).toList();
    }
}
