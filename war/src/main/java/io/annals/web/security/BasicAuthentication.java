package io.annals.web.security;

import io.annals.web.http.CorrelationId;
import io.annals.web.problem.ProblemWriter;
import io.annals.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP Basic on every request that sends credentials: valid ones log the caller in for this
 * request, wrong ones answer 401 at once (also on open endpoints, so a typo never passes silently
 * as anonymous). Requests without credentials go on anonymously; the admin resources' role check
 * then answers 401 or 403. The 401 is written here as a problem because the servlet filters do not
 * run after a refused authentication.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"annals\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = credentialOf(authorization);
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        return refuse(request, response, context);
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) {
        response.setHeader("Server", "");
        response.setHeader(CorrelationId.HEADER, CorrelationId.echoable(request.getHeader(CorrelationId.HEADER)));
        response.setHeader("WWW-Authenticate", CHALLENGE);
        try {
            ProblemWriter.write(response, Problems.unauthorized(request.getRequestURI()));
        } catch (IOException clientGone) {
            // the client hung up; the refusal stands either way
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static UsernamePasswordCredential credentialOf(String authorization) {
        if (authorization.length() < 6 || !authorization.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
