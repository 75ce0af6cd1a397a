package dev.kreis.platform.security.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.security.Role;
import dev.kreis.platform.security.persistence.UserAccountRow;

/** A local account as the API shows it: never its password hash. */
@Schema(example = """
        {"id": "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e", "username": "sam", "displayName": "Sam Seller", "email": "sam@example.com", \
        "roles": ["sales"], "enabled": true, "lockedUntil": null, "lastLoginAt": "2026-01-31T08:02:00Z", \
        "createdAt": "2026-01-02T08:00:00Z", "updatedAt": "2026-01-02T08:00:00Z"}""")
public record UserView(@Schema(required = true) UUID id, @Schema(required = true) String username,
        @Schema(required = true, nullable = true) String displayName, @Schema(required = true, nullable = true) String email,
        @Schema(required = true, description = "Role keys, sorted") List<String> roles, @Schema(required = true) boolean enabled,
        @Schema(required = true, nullable = true, format = "date-time") OffsetDateTime lockedUntil,
        @Schema(required = true, nullable = true, format = "date-time") OffsetDateTime lastLoginAt,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt, @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    static UserView of(UserAccountRow row) {
        return new UserView(row.id(), row.username(), row.displayName(), row.email(),
                row.roles().stream().sorted().map(Role::key).toList(), row.enabled(), row.lockedUntil(), row.lastLoginAt(),
                row.createdAt(), row.updatedAt());
    }
}
