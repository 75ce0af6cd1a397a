package dev.kreis.app.keycloak;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Kreis in keycloak mode against the Keycloak the Maven profile {@code keycloak} started (its base URL in
 * the system property {@code kreis.test.keycloak.url}), with the test realm's client secret.
 */
public class KeycloakTestProfile implements QuarkusTestProfile {

    /** The secret of client kreis-api in app/src/main/keycloak/kreis-realm.json: a test-realm value. */
    static final String CLIENT_SECRET = "kreis-api-test-secret";
    /** The secret of client kreis-web (the web UI's browser sign-in) in the same file. */
    static final String WEB_CLIENT_SECRET = "kreis-web-test-secret";

    static String keycloakUrl() {
        return System.getProperty("kreis.test.keycloak.url", "http://127.0.0.1:8180");
    }

    static String realmUrl() {
        return keycloakUrl() + "/realms/kreis";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kreis.security.mode", "keycloak",
                "quarkus.oidc.auth-server-url", realmUrl(),
                "quarkus.oidc.credentials.secret", CLIENT_SECRET,
                "quarkus.oidc.web.credentials.secret", WEB_CLIENT_SECRET);
    }
}
