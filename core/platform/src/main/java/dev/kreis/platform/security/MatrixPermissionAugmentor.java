package dev.kreis.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives every authenticated identity — local account, API token or Keycloak token — the permissions
 * its roles hold in the {@link Capability} matrix, so {@code @PermissionsAllowed("capability:access")}
 * decides the same way whichever way the caller came in.
 */
@ApplicationScoped
public class MatrixPermissionAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionsAsString(Capability.permissionsOf(rolesOf(identity)))
                .build());
    }

    /** The Kreis roles among an identity's roles; other role names (e.g. Keycloak defaults) are ignored. */
    public static Set<Role> rolesOf(SecurityIdentity identity) {
        return identity.getRoles().stream().map(Role::of).flatMap(Optional::stream).collect(Collectors.toSet());
    }
}
