package io.annals.web.bank;

import io.annals.bank.AccountBalance;
import io.annals.bank.AccountId;
import io.annals.bank.DepositMoney;
import io.annals.bank.GetAccount;
import io.annals.bank.GetAccountHistory;
import io.annals.bank.GetAccounts;
import io.annals.bank.OpenAccount;
import io.annals.bank.TransferId;
import io.annals.bank.TransferMoney;
import io.annals.bank.WithdrawMoney;
import io.annals.web.http.ApiDocs;
import io.annals.web.http.Bodies;
import io.annals.web.http.CommandGateway;
import io.annals.web.http.QueryParams;
import io.annals.web.idempotency.Idempotent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annals.core.event.EventJson;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bank accounts: open, deposit, withdraw, transfer, read one, its history, and the list. */
@Path("accounts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "accounts")
public class AccountsResource {

    @Inject
    CommandGateway gateway;

    @Inject
    EventJson events;

    @Context
    UriInfo uri;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an account", description = "Body {\"owner\":\"Alice\"}; honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Opened; Location names the account",
            headers = @Header(name = "Location"))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid owner", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "415", description = "Body is not application/json", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = ApiDocs.PROBLEM))
    public Response open(OpenAccountRequest body) {
        AccountBalance opened = gateway.create(new OpenAccount(AccountId.random(), Bodies.required(body).owner()));
        return Response.created(uri.getBaseUriBuilder().path("accounts").path(opened.accountId().toString()).build())
                .entity(AccountJson.of(opened)).build();
    }

    @GET
    @Operation(summary = "List accounts", description = "The accounts read model (eventually consistent), in creation order.")
    @APIResponse(responseCode = "200", description = "A page of accounts")
    @APIResponse(responseCode = "400", description = "limit or offset out of range", content = @Content(mediaType = ApiDocs.PROBLEM))
    public List<AccountJson> list(@Parameter(description = "1-1000, default 100") @QueryParam("limit") String limit,
                                  @Parameter(description = ">= 0, default 0") @QueryParam("offset") String offset) {
        int pageSize = QueryParams.intParam("limit", limit, 100, 1, 1000);
        int skip = QueryParams.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        return gateway.ask(new GetAccounts(pageSize, skip)).stream().map(AccountJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an account", description = "From the account's own stream; ETag is its version.")
    @APIResponse(responseCode = "200", description = "The account", headers = @Header(name = "ETag"))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = ApiDocs.PROBLEM))
    public Response get(@PathParam("id") String id) {
        AccountBalance account = gateway.ask(new GetAccount(accountId(id)));
        return Response.ok(AccountJson.of(account)).tag(new EntityTag(Long.toString(account.version()))).build();
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "An account's events", description = "The account stream's events in version order.")
    @APIResponse(responseCode = "200", description = "The events")
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = ApiDocs.PROBLEM))
    public List<ObjectNode> history(@PathParam("id") String id) {
        return gateway.ask(new GetAccountHistory(accountId(id))).stream().map(events::toTree).toList();
    }

    @POST
    @Path("{id}/deposits")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deposit money", description = "Body {\"amount\":100.00}; honours If-Match and Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The new balance")
    @APIResponse(responseCode = "400", description = "Invalid amount", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "409", description = "Concurrent changes kept conflicting for 10 s", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = ApiDocs.PROBLEM))
    public BalanceJson deposit(@PathParam("id") String id, AmountRequest body) {
        AmountRequest request = Bodies.required(body);
        return BalanceJson.of(gateway.send(new DepositMoney(accountId(id), request.amount())));
    }

    @POST
    @Path("{id}/withdrawals")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw money", description = "Body {\"amount\":30}; honours If-Match and Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The new balance")
    @APIResponse(responseCode = "400", description = "Invalid amount", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "409", description = "Concurrent changes kept conflicting for 10 s", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "422", description = "Insufficient funds (type ends with insufficient-funds)", content = @Content(mediaType = ApiDocs.PROBLEM))
    public BalanceJson withdraw(@PathParam("id") String id, AmountRequest body) {
        AmountRequest request = Bodies.required(body);
        return BalanceJson.of(gateway.send(new WithdrawMoney(accountId(id), request.amount())));
    }

    @POST
    @Path("{id}/transfers")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Transfer money to another account",
            description = "Body {\"toAccountId\":\"…\",\"amount\":10}. The source is debited before 202; an unknown target ends failed with the source refunded.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the transfer", headers = @Header(name = "Location"))
    @APIResponse(responseCode = "400", description = "Invalid body, also a transfer to the same account", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such source account", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match names another version of the source", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "422", description = "The source lacks funds", content = @Content(mediaType = ApiDocs.PROBLEM))
    public Response transfer(@PathParam("id") String id, TransferRequest body) {
        TransferRequest request = Bodies.required(body);
        AccountId source = accountId(id);
        AccountId target = request.toAccountId() == null ? null : new AccountId(request.toAccountId());
        TransferId transfer = gateway.send(new TransferMoney(TransferId.random(), source, target, request.amount()));
        return Response.accepted(new TransferAccepted(transfer.value()))
                .location(uri.getBaseUriBuilder().path("transfers").path(transfer.toString()).build()).build();
    }

    private static AccountId accountId(String id) {
        return new AccountId(QueryParams.pathId(id));
    }
}
