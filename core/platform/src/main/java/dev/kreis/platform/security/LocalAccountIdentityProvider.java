package dev.kreis.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** HTTP Basic against local accounts. In Keycloak mode local accounts are not accepted. */
@ApplicationScoped
public class LocalAccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final LocalLogin login;
    private final SecurityConfig config;

    LocalAccountIdentityProvider(LocalLogin login, SecurityConfig config) {
        this.login = login;
        this.config = config;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.localAccounts()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Local accounts are disabled"));
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null || http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress();
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> login.authenticate(username, password, address)
                .map(account -> KreisIdentities.of(account.username(), account.roles(), "basic", account.id()))
                .orElseThrow(() -> new AuthenticationFailedException("Invalid credentials")));
    }
}
