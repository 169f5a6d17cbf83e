package io.annals.web.bank;

import io.annals.bank.GetTransfer;
import io.annals.bank.TransferId;
import io.annals.web.http.ApiDocs;
import io.annals.web.http.CommandGateway;
import io.annals.web.http.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where a transfer stands, readable as soon as it was accepted. */
@Path("transfers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "accounts")
public class TransfersResource {

    @Inject
    CommandGateway gateway;

    @GET
    @Path("{transferId}")
    @Operation(summary = "Read a transfer", description = "state is debited, completed or failed (failed implies refunded).")
    @APIResponse(responseCode = "200", description = "The transfer")
    @APIResponse(responseCode = "404", description = "No such transfer", content = @Content(mediaType = ApiDocs.PROBLEM))
    public TransferJson get(@PathParam("transferId") String transferId) {
        return TransferJson.of(gateway.ask(new GetTransfer(new TransferId(QueryParams.pathId(transferId)))));
    }
}
