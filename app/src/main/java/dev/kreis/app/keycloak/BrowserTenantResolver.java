package dev.kreis.app.keycloak;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Chooses the OIDC tenant of a request in keycloak mode. A request with {@code Authorization: Bearer} (a
 * Keycloak access token) stays on the default tenant (type service, checked by the policy enforcer). The
 * browser sign-in paths {@value KeycloakBrowserSignIn#PREFIX}* and every request carrying the web tenant's
 * session cookie use the tenant {@value #WEB} (type web-app: the authorization-code flow with PKCE); all
 * other requests stay on the default tenant, where without a token they are anonymous, so the API answers
 * them with its 401 problem and never with a redirect.
 */
@ApplicationScoped
public class BrowserTenantResolver implements TenantResolver {
    /** The web-app tenant of the browser sign-in. */
    public static final String WEB = "web";
    /** Quarkus' session cookie of that tenant ({@code q_session_web}, chunked as {@code q_session_web_chunk_N}). */
    public static final String SESSION_COOKIE = "q_session_" + WEB;

    @Override
    public String resolve(RoutingContext context) {
        if (KeycloakModePolicyEnforcer.carriesKeycloakToken(context)) {
            return null;
        }
        if (context.normalizedPath().startsWith(KeycloakBrowserSignIn.PREFIX) || hasSession(context)) {
            return WEB;
        }
        return null;
    }

    static boolean hasSession(RoutingContext context) {
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
