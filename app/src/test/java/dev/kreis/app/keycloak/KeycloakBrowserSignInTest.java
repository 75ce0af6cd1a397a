package dev.kreis.app.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where "Sign in with Keycloak" may send the browser afterwards: paths inside the app only. */
class KeycloakBrowserSignInTest {

    @Test
    void followsAPathInsideTheApp() {
        assertEquals("/customers?q=erika", KeycloakBrowserSignIn.safeNext("/customers?q=erika"));
        assertEquals("/", KeycloakBrowserSignIn.safeNext("/"));
    }

    @Test
    void neverFollowsAnotherSiteTheSignInItselfOrNothing() {
        assertEquals("/", KeycloakBrowserSignIn.safeNext("https://evil.example/"));
        assertEquals("/", KeycloakBrowserSignIn.safeNext("//evil.example/"));
        assertEquals("/", KeycloakBrowserSignIn.safeNext("/\\evil.example/"));
        assertEquals("/", KeycloakBrowserSignIn.safeNext("/auth/keycloak/sign-in"));
        assertEquals("/", KeycloakBrowserSignIn.safeNext("/login?next=/"));
        assertEquals("/", KeycloakBrowserSignIn.safeNext(""));
        assertEquals("/", KeycloakBrowserSignIn.safeNext(null));
    }
}
