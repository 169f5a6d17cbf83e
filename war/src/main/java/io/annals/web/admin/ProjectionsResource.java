package io.annals.web.admin;

import io.annals.core.processor.ProcessorRuntime;
import io.annals.web.http.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The status of every projection, saga and forwarder the processor runtime runs, and projection rebuilds. */
@Path("projections")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "admin")
@SecurityRequirement(name = "basic")
public class ProjectionsResource {

    @Inject
    ProcessorRuntime runtime;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Status of every projection and saga")
    @APIResponse(responseCode = "200", description = "One status per processor, by name")
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public List<ProcessorJson> all() {
        return runtime.statuses().stream().map(ProcessorJson::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Status of one projection or saga")
    @APIResponse(responseCode = "200", description = "The processor's status")
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "404", description = "No processor has this name")
    public ProcessorJson one(@PathParam("name") String name) {
        return ProcessorJson.of(runtime.status(name));
    }

    @POST
    @Path("{name}/rebuild")
    @Operation(summary = "Rebuild a projection", description = "Replays the log into a fresh read model while the current one keeps answering.")
    @APIResponse(responseCode = "202", description = "Rebuild started; Location names the status", headers = @Header(name = "Location"))
    @APIResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No processor has this name", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "409", description = "A rebuild is running, or the processor is a saga or cannot be rebuilt",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public Response rebuild(@PathParam("name") String name) {
        ProcessorJson status = ProcessorJson.of(runtime.rebuild(name));
        return Response.accepted(status).location(uri.getBaseUriBuilder().path("projections").path(name).build()).build();
    }
}
