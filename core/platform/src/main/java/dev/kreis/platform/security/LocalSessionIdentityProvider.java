package dev.kreis.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;

import dev.kreis.platform.security.persistence.UserAccountRepository;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the identity of a browser session (the form sign-in's cookie names only the user): the
 * account must still exist, be enabled and unlocked, and the session within its absolute limit. Roles are
 * read fresh, so a role change applies to open sessions at once.
 */
@ApplicationScoped
public class LocalSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    private final UserAccountRepository accounts;
    private final BrowserSessions sessions;
    private final SecurityConfig config;
    private final Clock clock;

    LocalSessionIdentityProvider(UserAccountRepository accounts, BrowserSessions sessions, SecurityConfig config, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String username = request.getPrincipal();
        if (!config.localAccounts() || !sessions.withinLimit(http, username)) {
            if (http != null) {
                sessions.end(http);
            }
            return Uni.createFrom().failure(new AuthenticationFailedException("The session has ended"));
        }
        return context.runBlocking(() -> accounts.findByUsername(username)
                .filter(account -> account.enabled() && !account.lockedAt(OffsetDateTime.now(clock)))
                .map(account -> KreisIdentities.of(account.username(), account.roles(), "session", account.id()))
                .orElseThrow(() -> new AuthenticationFailedException("The account may no longer sign in")));
    }
}
