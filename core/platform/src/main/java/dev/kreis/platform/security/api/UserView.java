package dev.kreis.platform.security.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.security.Role;
import dev.kreis.platform.security.persistence.UserAccountRow;

/** A local account as the API shows it: never its password hash. */
@Schema(example = UserView.EXAMPLE)
public record UserView(@Schema(required = true) UUID id, @Schema(required = true) String username,
        @Schema(required = true, nullable = true) String displayName, @Schema(required = true, nullable = true) String email,
        @Schema(required = true, description = "Role keys, sorted") List<String> roles, @Schema(required = true) boolean enabled,
        @Schema(required = true, nullable = true, format = "date-time") OffsetDateTime lockedUntil,
        @Schema(required = true, nullable = true, format = "date-time") OffsetDateTime lastLoginAt,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt, @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    /** An example, for the API document. */
    public static final String EXAMPLE = """
        {"id": "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e", "username": "sam", "displayName": "Sam Seller", "email": "sam@example.com", \
        "roles": ["sales"], "enabled": true, "lockedUntil": null, "lastLoginAt": "2026-01-31T08:02:00Z", \
        "createdAt": "2026-01-02T08:00:00Z", "updatedAt": "2026-01-02T08:00:00Z"}""";

    /** A page of these as the API document shows it (the answer is a {@link dev.kreis.platform.api.Page}). */
    @Schema(name = "PageUserView", example = "{\"items\": [" + EXAMPLE + "], \"nextCursor\": null}")
    public record ListPage(@Schema(required = true, description = "The accounts of this page, oldest first") java.util.List<UserView> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    static UserView of(UserAccountRow row) {
        return new UserView(row.id(), row.username(), row.displayName(), row.email(),
                row.roles().stream().sorted().map(Role::key).toList(), row.enabled(), row.lockedUntil(), row.lastLoginAt(),
                row.createdAt(), row.updatedAt());
    }
}
