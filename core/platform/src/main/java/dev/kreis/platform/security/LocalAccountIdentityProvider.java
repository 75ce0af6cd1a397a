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

/**
 * HTTP Basic and the web UI's form sign-in against local accounts (the same lockout and rate limits); a
 * form sign-in also opens a browser session ({@link BrowserSessions}). In Keycloak mode local accounts are
 * not accepted.
 */
@ApplicationScoped
public class LocalAccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final LocalLogin login;
    private final SecurityConfig config;
    private final BrowserSessions sessions;

    LocalAccountIdentityProvider(LocalLogin login, SecurityConfig config, BrowserSessions sessions) {
        this.login = login;
        this.config = config;
        this.sessions = sessions;
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
        boolean form = BrowserSessions.isFormSignIn(http);
        return context.runBlocking(() -> login.authenticate(username, password, address)
                .map(account -> {
                    if (form) {
                        sessions.started(http, account);
                    }
                    return KreisIdentities.of(account.username(), account.roles(), form ? "session" : "basic", account.id());
                })
                .orElseThrow(() -> new AuthenticationFailedException("Invalid credentials")));
    }
}
