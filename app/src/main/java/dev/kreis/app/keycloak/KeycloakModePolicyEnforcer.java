package dev.kreis.app.keycloak;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.kreis.platform.security.ApiTokenAuthenticationMechanism;
import dev.kreis.platform.security.ApiTokens;
import io.quarkus.keycloak.pep.runtime.KeycloakPolicyEnforcerAuthorizer;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Keycloak's policy enforcer, active only when {@code kreis.security.mode=keycloak}.
 * <p>
 * {@code quarkus.keycloak.policy-enforcer.enabled} is fixed at build time, and Quarkus' enforcer is a
 * global HTTP security policy that, for every anonymous request, builds its Keycloak client (which reads
 * Keycloak's discovery document) to look the path up. In local mode there is no Keycloak, so every
 * anonymous request — {@code /q/health} included — would fail with 500. application.properties therefore
 * excludes Quarkus' own {@link KeycloakPolicyEnforcerAuthorizer} bean ({@code quarkus.arc.exclude-types})
 * and this subclass takes its place: in keycloak mode it is the unchanged enforcer, in local mode it
 * permits and leaves every decision to the endpoints' {@code @PermissionsAllowed}.
 * <p>
 * In keycloak mode the enforcer permits requests whose identity has no OIDC access token (API tokens),
 * so those too are decided by the annotations alone. This class therefore only looks at requests that
 * carry a Keycloak token ({@code Authorization: Bearer} but not a {@code kreis_} API token); all others
 * are permitted without authenticating them here or asking Keycloak, exactly as in local mode:
 * authentication is not proactive, and every endpoint under {@code /api} requires a caller
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}), so a request without credentials gets the
 * endpoint's 401 problem, and {@code /q/health} keeps answering while Keycloak is down (Quarkus' enforcer
 * would ask Keycloak about every anonymous request, and without it answer 500). A Keycloak token that
 * fails authentication (malformed, forged, expired) is answered 401 on any path.
 */
@Singleton
public class KeycloakModePolicyEnforcer extends KeycloakPolicyEnforcerAuthorizer {

    private final boolean enforcing;

    KeycloakModePolicyEnforcer(@ConfigProperty(name = "kreis.security.mode") String mode) {
        this.enforcing = SecurityModes.KEYCLOAK.equals(mode);
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext routingContext, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (!enforcing || !carriesKeycloakToken(routingContext)) {
            return CheckResult.permit();
        }
        return identity.flatMap(caller -> caller.isAnonymous()
                ? CheckResult.permit()
                : super.checkPermission(routingContext, Uni.createFrom().item(caller), requestContext));
    }

    /** {@code Authorization: Bearer <token>} that is not a Kreis API token ({@code kreis_…}). */
    static boolean carriesKeycloakToken(RoutingContext routingContext) {
        String token = ApiTokenAuthenticationMechanism.bearer(routingContext);
        return token != null && !token.startsWith(ApiTokens.PREFIX);
    }
}
