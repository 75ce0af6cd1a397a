package dev.kreis.platform.security;

import java.security.Permission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.kreis.platform.module.ModuleStates;

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
    private final jakarta.enterprise.inject.Instance<dev.kreis.platform.module.ModuleRegistry> modules;
    private final ModuleStates states;
    /** Keycloak identities may carry any role names; distinct sets beyond this many start the memory afresh. */
    private static final int MAX_ROLE_SETS = 1_000;
    /** The permissions of each set of role names, with the version of the module states they were derived from. */
    private final Map<Set<String>, Granted> granted = new ConcurrentHashMap<>();

    private record Granted(Object statesVersion, Function<Permission, Uni<Boolean>> checker) {
    }

    private static final Uni<Boolean> HELD = Uni.createFrom().item(true);
    private static final Uni<Boolean> NOT_HELD = Uni.createFrom().item(false);

    MatrixPermissionAugmentor(jakarta.enterprise.inject.Instance<dev.kreis.platform.module.ModuleRegistry> modules, ModuleStates states) {
        this.modules = modules;
        this.states = states;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roleNames = identity.getRoles();
        // Derived before from the module states this node still holds: no work, no worker thread.
        Granted known = granted.get(roleNames);
        if (known != null && states.versionIfFresh().filter(version -> version == known.statesVersion()).isPresent()) {
            return Uni.createFrom().item(withPermissions(identity, known.checker()));
        }
        // The modules' permissions depend on their states, which may need a database read: not on the event loop.
        return context.runBlocking(() -> {
            Object version = states.version();
            Set<Role> roles = rolesOf(identity);
            Set<String> names = new java.util.TreeSet<>(Capability.permissionsOf(roles));
            names.addAll(modules.get().permissionsOf(roles.stream().map(Role::key).toList()));
            Set<Permission> permissions = names.stream().map(MatrixPermissionAugmentor::permission).collect(Collectors.toUnmodifiableSet());
            if (granted.size() >= MAX_ROLE_SETS) {
                granted.clear();
            }
            Function<Permission, Uni<Boolean>> checker = required -> {
                for (Permission held : permissions) {
                    if (held.implies(required)) {
                        return HELD;
                    }
                }
                return NOT_HELD;
            };
            granted.put(Set.copyOf(roleNames), new Granted(version, checker));
            return withPermissions(identity, checker);
        });
    }

    /** The identity with a checker over the permissions it holds (built once per role set, not copied per request). */
    private static SecurityIdentity withPermissions(SecurityIdentity identity, Function<Permission, Uni<Boolean>> checker) {
        return QuarkusSecurityIdentity.builder(identity).addPermissionChecker(checker).build();
    }

    /**
     * A {@code "capability:access"} name as the permission {@code @PermissionsAllowed} checks against,
     * built as {@code QuarkusSecurityIdentity.Builder#addPermissionsAsString} builds it.
     */
    static Permission permission(String name) {
        int colon = name.indexOf(':');
        return colon > 0 && colon < name.length() - 1 ? new StringPermission(name.substring(0, colon), name.substring(colon + 1))
                : new StringPermission(name);
    }

    /** The Kreis roles among an identity's roles; other role names (e.g. Keycloak defaults) are ignored. */
    public static Set<Role> rolesOf(SecurityIdentity identity) {
        return identity.getRoles().stream().map(Role::of).flatMap(Optional::stream).collect(Collectors.toSet());
    }
}
