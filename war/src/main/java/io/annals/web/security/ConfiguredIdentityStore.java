package io.annals.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Validates credentials against the {@link ConfiguredUsers}; the group {@code admin} is the role {@code admin}. */
@ApplicationScoped
public class ConfiguredIdentityStore implements IdentityStore {

    @Inject
    ConfiguredUsers users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.authenticate(password.getCaller(), password.getPasswordAsString())
                .map(groups -> new CredentialValidationResult(password.getCaller(), groups))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
