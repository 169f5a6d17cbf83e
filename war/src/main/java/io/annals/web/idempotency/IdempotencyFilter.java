package io.annals.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.annals.web.http.CommandGateway;
import io.annals.web.http.WebJson;
import io.annals.web.problem.BadRequestException;
import io.annals.web.problem.HttpProblemException;
import io.annals.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Applies {@code Idempotency-Key} to {@link Idempotent} endpoints. The key is scoped to the method
 * and the concrete path; the body is compared parsed (key order and spacing do not matter). Every
 * response except a 5xx is recorded and replayed; a 5xx releases the key so the client can retry.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final ObjectMapper CANONICAL = WebJson.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Inject
    IdempotencyStore store;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw BadRequestException.field(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String scope = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath();
        Claim claim = store.claim(scope, key, fingerprint(body));
        switch (claim.outcome()) {
            case CLAIMED -> {
                request.setProperty(CLAIM, new Claimed(scope, key));
                servletRequest.setAttribute(CommandGateway.COMMAND_ID,
                        UUID.nameUUIDFromBytes(("idempotency " + scope + " " + key).getBytes(StandardCharsets.UTF_8)));
            }
            case REPLAY -> request.abortWith(replay(claim.earlier().orElseThrow()));
            case DIFFERENT_BODY -> throw new HttpProblemException(422, "idempotency-key-reused", "Unprocessable Content",
                    "This Idempotency-Key was already used for this resource with a different body.");
            case IN_PROGRESS -> throw new HttpProblemException(409, "idempotency-key-in-use", "Conflict",
                    "A request with this Idempotency-Key is still running; retry when it has finished.");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!(request.getProperty(CLAIM) instanceof Claimed claimed)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(claimed.scope(), claimed.key());
            return;
        }
        String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String body = response.hasEntity() ? WebJson.mapper().writeValueAsString(response.getEntity()) : null;
        store.complete(claimed.scope(), claimed.key(), new StoredResponse(response.getStatus(), contentType, location, body));
    }

    private static Response replay(StoredResponse earlier) {
        Response.ResponseBuilder response = Response.status(earlier.status());
        if (earlier.body() != null) {
            response.entity(earlier.body()).type(earlier.contentType());
        }
        if (earlier.location() != null) {
            response.header(HttpHeaders.LOCATION, earlier.location());
        }
        if (earlier.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** SHA-256 of the body in canonical form when it is JSON, of its bytes otherwise. */
    static String fingerprint(byte[] body) {
        byte[] canonical;
        try {
            JsonNode tree = WebJson.mapper().readTree(body);
            canonical = tree == null ? new byte[0] : CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(tree, Object.class));
        } catch (JsonProcessingException notJson) {
            canonical = body;
        } catch (IOException unreadable) {
            canonical = body;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    private record Claimed(String scope, String key) {
    }
}
