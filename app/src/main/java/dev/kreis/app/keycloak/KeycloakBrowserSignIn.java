package dev.kreis.app.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The web UI's sign-in outside the API: {@code GET /auth/options} tells the sign-in page which way to offer
 * (open to everyone, no secrets: {@code {"mode":"local"}} or {@code {"mode":"keycloak","signIn":…,"signOut":…}}).
 * In keycloak mode {@code GET /auth/keycloak/sign-in?next=/path} is protected by the web-app OIDC tenant
 * (application.properties, permission {@code keycloak-browser}): without a session Quarkus redirects to
 * Keycloak (authorization-code flow with PKCE), and back here signed in this route sends the browser on to
 * {@code next} (a path inside the app only). {@code GET /auth/keycloak/sign-out} is the tenant's logout path:
 * Quarkus removes the session cookie and sends the browser to Keycloak's end-session endpoint, which returns
 * it to {@code /login}. In local mode both answer 404.
 */
@ApplicationScoped
public class KeycloakBrowserSignIn {
    static final String PREFIX = "/auth/keycloak/";
    static final String SIGN_IN = PREFIX + "sign-in";
    static final String SIGN_OUT = PREFIX + "sign-out";
    static final String OPTIONS = "/auth/options";

    private final boolean keycloak;

    KeycloakBrowserSignIn(@ConfigProperty(name = "kreis.security.mode") String mode) {
        this.keycloak = SecurityModes.KEYCLOAK.equals(mode);
    }

    void install(@Observes Router router) {
        String options = (keycloak
                ? new JsonObject().put("mode", SecurityModes.KEYCLOAK).put("signIn", SIGN_IN).put("signOut", SIGN_OUT)
                : new JsonObject().put("mode", SecurityModes.LOCAL)).encode();
        router.get(OPTIONS).handler(context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(options));
        router.get(SIGN_IN).handler(context -> {
            if (!keycloak) {
                context.response().setStatusCode(404).end();
                return;
            }
            context.response().setStatusCode(302).putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(HttpHeaders.LOCATION, safeNext(context.queryParams().get("next"))).end();
        });
        // Reached only when the web tenant did not take the request over for its logout (local mode, no session).
        router.get(SIGN_OUT).handler(context -> context.response().setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, "/login").end());
    }

    /** Only paths inside the app are followed after sign-in (never another site, never the sign-in itself). */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
                && !next.startsWith("/auth/") && !next.startsWith("/login") ? next : "/";
    }
}
