package dev.kreis.platform.security;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * CSRF protection of browser sessions. A request that changes state and carries a session cookie — the form
 * sign-in's {@code kreis-session} or the Keycloak sign-in's {@code q_session_web} — (or
 * signs in through the form) must carry the header {@value #HEADER}: a cross-site form or link cannot set
 * a custom header, and a cross-site script may not (no CORS is offered), so only the web UI's own requests
 * pass. The session cookie is SameSite=Strict besides. A request with an Authorization header (HTTP Basic,
 * API or Keycloak token, e.g. from the Swagger UI in a signed-in browser) is authenticated by that header,
 * not the cookie, and needs no CSRF header.
 */
@Singleton
public class CsrfGuard {
    /** The header the web UI sends with every request that changes state. */
    public static final String HEADER = "X-Kreis-CSRF";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ObjectMapper json;

    CsrfGuard(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-900).handler(context -> {
            if (forged(context)) {
                Problem problem = Problem.of(403, "csrf", "Cross-site request refused",
                        "A browser session may change state only with the header " + HEADER, List.of());
                context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(write(problem));
                return;
            }
            context.next();
        });
    }

    private static boolean forged(RoutingContext context) {
        if (SAFE.contains(context.request().method()) || context.request().getHeader(HEADER) != null
                || context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        return carriesSessionCookie(context) || context.normalizedPath().endsWith("/j_security_check");
    }

    /** The form sign-in's cookie, or the session cookie of an OIDC web-app tenant (Keycloak sign-in, q_session…). */
    private static boolean carriesSessionCookie(RoutingContext context) {
        for (io.vertx.core.http.Cookie cookie : context.request().cookies()) {
            if (cookie.getName().equals("kreis-session") || cookie.getName().startsWith("q_session")) {
                return true;
            }
        }
        return false;
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
