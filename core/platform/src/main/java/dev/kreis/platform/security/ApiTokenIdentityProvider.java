package dev.kreis.platform.security;

import java.util.Optional;

import dev.kreis.platform.security.persistence.ApiTokenRow;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a valid, unexpired, unrevoked API token into an identity named {@code token:<name>} with the token's roles. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {
    private final ApiTokens tokens;

    ApiTokenIdentityProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // A token this node verified a moment ago needs no database, so no worker thread.
        Optional<ApiTokenRow> recent = tokens.recentlyVerified(request.secret());
        if (recent.isPresent()) {
            return Uni.createFrom().item(identity(recent.get()));
        }
        return context.runBlocking(() -> tokens.authenticate(request.secret()).map(ApiTokenIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("Invalid, expired or revoked API token")));
    }

    private static SecurityIdentity identity(ApiTokenRow token) {
        return KreisIdentities.of("token:" + token.name(), token.roles(), "token", token.id());
    }
}
