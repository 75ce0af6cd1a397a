package dev.kreis.spi.module;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A permission a module adds to the security matrix, and the roles that hold it.
 *
 * <p>Module endpoints declare it with {@code @PermissionsAllowed("<name>")}. The platform grants it to
 * every identity with one of {@link #roles()} while the module is installed; an uninstall removes it.
 * Convention: {@code <module id>:read} for staff who look, {@code <module id>:write} for the owning
 * department.
 *
 * <p>Stability: stable. Immutable and thread-safe.
 *
 * @param name        {@code <module id>:<access>}, lower case, e.g. {@code marketing:write}
 * @param roles       the roles holding it: {@code admin}, {@code cx-manager}, {@code marketing}, {@code sales},
 *                    {@code support}, {@code viewer}, {@code integration}; at least one
 * @param description one sentence saying what it allows
 */
public record ModulePermission(String name, Set<String> roles, String description) {

    /** What a permission name looks like. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,31}:[a-z][a-z0-9-]{0,31}");

    /** The roles Kreis knows. */
    public static final Set<String> ROLES = Set.of("admin", "cx-manager", "marketing", "sales", "support", "viewer", "integration");

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if the name is malformed, a role is unknown or there is none
     */
    public ModulePermission {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("permission name must look like 'module:access' in lower case: '" + name + "'");
        }
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("permission " + name + " needs at least one role");
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("permission " + name + " names unknown role '" + role + "'; known: " + ROLES);
            }
        }
    }

    /** The module id part of the name. */
    public String module() {
        return name.substring(0, name.indexOf(':'));
    }
}
