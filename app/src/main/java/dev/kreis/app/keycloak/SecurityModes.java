package dev.kreis.app.keycloak;

/** The values of {@code kreis.security.mode} ({@code KREIS_AUTH_MODE}). */
final class SecurityModes {
    static final String LOCAL = "local";
    static final String KEYCLOAK = "keycloak";

    private SecurityModes() {
    }
}
