package dev.kreis.platform.security.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/users} (username, password and roles required) and of
 * {@code PATCH /api/v1/users/{id}} (every field optional; {@code unlock: true} ends a lockout).
 */
public record UserRequest(
        @Schema(description = "2 to 100 lower-case letters, digits or . _ @ -; required on creation, cannot be changed") String username,
        @Schema(description = "Required on creation; must satisfy the password policy") String password,
        @Schema(description = "Role keys (admin, cx-manager, marketing, sales, support, viewer, integration), at least one; required on creation") List<String> roles,
        @Schema(maxLength = 200) String displayName, @Schema(description = "An e-mail address") String email,
        @Schema(description = "false disables the account") Boolean enabled, @Schema(description = "true ends a lockout after failed sign-ins") Boolean unlock) {
}
