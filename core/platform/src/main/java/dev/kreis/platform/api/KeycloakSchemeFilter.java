package dev.kreis.platform.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * In keycloak mode (read at run time, like the mode itself) secured operations also accept the realm's
 * access tokens: the document gains an {@code openIdConnect} scheme pointing at the realm's discovery
 * document ({@code quarkus.oidc.auth-server-url} + {@code /.well-known/openid-configuration}) as a third
 * alternative on every operation that has the other two. In local mode the document has no such scheme.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class KeycloakSchemeFilter implements OASFilter {
    static final String SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        String mode = config.getOptionalValue("kreis.security.mode", String.class).orElse("local");
        String server = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).orElse("");
        if (!"keycloak".equals(mode) || server.isBlank() || openAPI.getComponents() == null) {
            return;
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .description("A Keycloak access token of the Kreis realm")
                .openIdConnectUrl(server.replaceAll("/+$", "") + "/.well-known/openid-configuration"));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                List<SecurityRequirement> alternatives = new ArrayList<>(operation.getSecurity());
                alternatives.add(OASFactory.createSecurityRequirement().addScheme(SCHEME));
                operation.setSecurity(alternatives);
            }
        }));
    }
}
