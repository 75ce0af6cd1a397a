package dev.kreis.platform.security.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.security.Role;
import dev.kreis.platform.security.persistence.UserAccountRow;

/** A local account as the API shows it: never its password hash. */
public record UserView(UUID id, String username, @Schema(nullable = true) String displayName, @Schema(nullable = true) String email, List<String> roles, boolean enabled,
        @Schema(nullable = true) OffsetDateTime lockedUntil, @Schema(nullable = true) OffsetDateTime lastLoginAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static UserView of(UserAccountRow row) {
        return new UserView(row.id(), row.username(), row.displayName(), row.email(),
                row.roles().stream().sorted().map(Role::key).toList(), row.enabled(), row.lockedUntil(), row.lastLoginAt(),
                row.createdAt(), row.updatedAt());
    }
}
