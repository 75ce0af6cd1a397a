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
    private final jakarta.enterprise.inject.Instance<dev.kreis.platform.module.ModuleRegistry> modules;

    MatrixPermissionAugmentor(jakarta.enterprise.inject.Instance<dev.kreis.platform.module.ModuleRegistry> modules) {
        this.modules = modules;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        // The modules' permissions depend on their states, which may need a database read: not on the event loop.
        return context.runBlocking(() -> {
            Set<Role> roles = rolesOf(identity);
            Set<String> granted = new java.util.TreeSet<>(Capability.permissionsOf(roles));
            granted.addAll(modules.get().permissionsOf(roles.stream().map(Role::key).toList()));
            return QuarkusSecurityIdentity.builder(identity).addPermissionsAsString(granted).build();
        });
    }

    /** The Kreis roles among an identity's roles; other role names (e.g. Keycloak defaults) are ignored. */
    public static Set<Role> rolesOf(SecurityIdentity identity) {
        return identity.getRoles().stream().map(Role::of).flatMap(Optional::stream).collect(Collectors.toSet());
    }
}
