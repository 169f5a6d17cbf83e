package io.annals.web.admin;

import io.annals.core.processor.DeadLetter;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.web.http.ApiDocs;
import io.annals.web.http.QueryParams;
import io.annals.web.problem.HttpProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events processors parked after their retries: list them, deliver one again, or skip it for good. */
@Path("dead-letters")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "admin")
@SecurityRequirement(name = "basic")
public class DeadLettersResource {

    @Inject
    ProcessorRuntime runtime;

    @GET
    @Operation(summary = "Parked events", description = "Every dead letter still parked, by position.")
    @APIResponse(responseCode = "200", description = "The parked events")
    @APIResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = ApiDocs.PROBLEM))
    public List<DeadLetterJson> parked() {
        return runtime.deadLetters().stream().map(DeadLetterJson::of).toList();
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Deliver a parked event again")
    @APIResponse(responseCode = "204", description = "Delivered; the dead letter is resolved")
    @APIResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "409", description = "Already resolved", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "422", description = "The delivery failed again; the event stays parked", content = @Content(mediaType = ApiDocs.PROBLEM))
    public void retry(@PathParam("id") String id) {
        DeadLetter after = runtime.retryDeadLetter(QueryParams.pathId(id));
        if (after.isParked()) {
            throw new HttpProblemException(422, "dead-letter-retry-failed", "Unprocessable Content",
                    "The event was delivered again and failed again; it stays parked: " + after.error());
        }
    }

    @POST
    @Path("{id}/skip")
    @Operation(summary = "Skip a parked event for good")
    @APIResponse(responseCode = "204", description = "Skipped")
    @APIResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "409", description = "Already resolved", content = @Content(mediaType = ApiDocs.PROBLEM))
    public void skip(@PathParam("id") String id) {
        runtime.skipDeadLetter(QueryParams.pathId(id));
    }
}
