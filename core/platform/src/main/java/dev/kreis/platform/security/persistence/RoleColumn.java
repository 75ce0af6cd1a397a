package dev.kreis.platform.security.persistence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kreis.platform.security.Role;

/** Roles stored as a comma-separated list of role keys; unknown keys are ignored on read. */
final class RoleColumn {
    private RoleColumn() {
    }

    static String write(Set<Role> roles) {
        return roles.stream().sorted().map(Role::key).collect(Collectors.joining(","));
    }

    static Set<Role> read(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(column.split(",")).map(Role::of).flatMap(java.util.Optional::stream).forEach(roles::add);
        return roles;
    }
}
