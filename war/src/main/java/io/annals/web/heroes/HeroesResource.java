package io.annals.web.heroes;

import io.annals.heroes.GetHero;
import io.annals.heroes.GetHeroes;
import io.annals.heroes.HeroId;
import io.annals.heroes.KillDragon;
import io.annals.heroes.RecruitHero;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Heroes: recruit, kill a dragon, read one hero and the board. */
@Path("heroes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "heroes")
public class HeroesResource {

    @Inject
    CommandGateway gateway;

    @Context
    UriInfo uri;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recruit a hero", description = "Body {\"name\":\"Ragnar\"}; honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recruited; Location names the hero", headers = @Header(name = "Location"))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid name", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "415", description = "Body is not application/json", content = @Content(mediaType = ApiDocs.PROBLEM))
    public Response recruit(RecruitHeroRequest body) {
        String name = Bodies.required(body).name();
        HeroId hero = gateway.create(new RecruitHero(HeroId.random(), name));
        return Response.created(uri.getBaseUriBuilder().path("heroes").path(hero.toString()).build())
                .entity(new HeroRecruited(hero.value(), name)).build();
    }

    @POST
    @Path("{id}/kill-dragon")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Kill a dragon", description = "Body {\"dragonId\":\"d1\"}; honours If-Match and Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The deed's action id")
    @APIResponse(responseCode = "400", description = "Invalid dragonId", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such hero", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "422", description = "The dragon is already slain (type ends with dragon-already-slain)",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public ActionTaken killDragon(@PathParam("id") String id, KillDragonRequest body) {
        KillDragonRequest request = Bodies.required(body);
        return new ActionTaken(gateway.send(new KillDragon(heroId(id), request.dragonId())).value());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a hero", description = "From the hero's own stream; items appear once the saga has run.")
    @APIResponse(responseCode = "200", description = "The hero")
    @APIResponse(responseCode = "404", description = "No such hero", content = @Content(mediaType = ApiDocs.PROBLEM))
    public HeroJson get(@PathParam("id") String id) {
        return HeroJson.of(gateway.ask(new GetHero(heroId(id))));
    }

    @GET
    @Operation(summary = "List heroes", description = "The heroes read model (eventually consistent), in creation order.")
    @APIResponse(responseCode = "200", description = "Every hero")
    public List<HeroJson> list() {
        return gateway.ask(new GetHeroes()).stream().map(HeroJson::of).toList();
    }

    private static HeroId heroId(String id) {
        return new HeroId(QueryParams.pathId(id));
    }
}
