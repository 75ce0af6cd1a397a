package dev.kreis.platform.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The API's description for OpenAPI: how callers authenticate. Which roles each operation needs is in
 * docs/security.md; every {@code /api/} operation answers 401 without credentials and 403 without permission
 * ({@link ApiContractFilter} marks them), {@code /public/} operations need none. In keycloak mode
 * {@link KeycloakSchemeFilter} adds the realm's OpenID Connect scheme.
 */
@OpenAPIDefinition(info = @Info(title = "Kreis API", version = "v1",
        contact = @Contact(name = "Kreis")))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "A local account (embedded identity mode)"),
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "A Kreis API token (kreis_...) or, in Keycloak mode, a Keycloak access token") })
public class KreisApiDocument extends Application {
}
