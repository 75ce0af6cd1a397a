package dev.kreis.platform.security;

import java.security.Permission;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.security.StringPermission;
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
        Set<Role> roles = identity.getRoles().stream().map(Role::of).flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionChecker(permission -> Uni.createFrom().item(allows(roles, permission)))
                .build());
    }

    static boolean allows(Set<Role> roles, Permission permission) {
        if (!(permission instanceof StringPermission required)) {
            return false;
        }
        return Capability.of(required.getName()).map(capability -> {
            String[] actions = required.getActions().isEmpty() ? new String[0] : required.getActions().split(",");
            if (actions.length == 0) {
                return false;
            }
            for (String action : actions) {
                Access access = "read".equals(action) ? Access.READ : "write".equals(action) ? Access.WRITE : null;
                if (access == null || roles.stream().noneMatch(role -> capability.allows(role, access))) {
                    return false;
                }
            }
            return true;
        }).orElse(false);
    }
}
