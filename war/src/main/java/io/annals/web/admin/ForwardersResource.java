package io.annals.web.admin;

import io.annals.core.processor.ProcessorRuntime;
import io.annals.web.http.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The configured forwarders ({@code ANNALS_FORWARDERS}) and how far each has come. */
@Path("forwarders")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "admin")
@SecurityRequirement(name = "basic")
public class ForwardersResource {

    @Inject
    ProcessorRuntime runtime;

    @GET
    @Operation(summary = "Forwarders' progress")
    @APIResponse(responseCode = "200", description = "One entry per configured forwarder")
    @APIResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = ApiDocs.PROBLEM))
    public List<ForwarderJson> all() {
        return runtime.forwarderStatuses().stream().map(ForwarderJson::of).toList();
    }
}
