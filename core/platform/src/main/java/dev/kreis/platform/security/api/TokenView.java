package dev.kreis.platform.security.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.security.Role;
import dev.kreis.platform.security.persistence.ApiTokenRow;

/**
 * An API token as the API shows it. {@code token} (the secret) is present only in the answer to its
 * creation; {@code hint} is its last four characters, to tell tokens apart later.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = TokenView.EXAMPLE)
public record TokenView(@Schema(required = true) UUID id,
        @Schema(description = "The secret; only in the answer to the token's creation") String token,
        @Schema(required = true) String name, @Schema(required = true, description = "The secret's last characters") String hint,
        @Schema(required = true, description = "Role keys, sorted") List<String> roles,
        @Schema(required = true, enumeration = { "active", "expired", "revoked" }) String status,
        @Schema(required = true) String createdBy, @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
        @Schema(format = "date-time", description = "Left out when it never expires") OffsetDateTime expiresAt,
        @Schema(format = "date-time", description = "Left out when never used") OffsetDateTime lastUsedAt,
        @Schema(format = "date-time", description = "Left out unless revoked") OffsetDateTime revokedAt) {

    /** An example, for the API document. */
    public static final String EXAMPLE = """
        {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "name": "shop integration", "hint": "x7Qa", "roles": ["integration"], \
        "status": "active", "createdBy": "admin", "createdAt": "2026-01-02T08:00:00Z", "expiresAt": "2027-01-02T08:00:00Z", \
        "lastUsedAt": "2026-01-31T09:30:00Z"}""";

    /** A page of these as the API document shows it (the answer is a {@link dev.kreis.platform.api.Page}). */
    @Schema(name = "PageTokenView", example = "{\"items\": [" + EXAMPLE + "], \"nextCursor\": null}")
    public record ListPage(@Schema(required = true, description = "The tokens of this page, newest first") java.util.List<TokenView> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    static TokenView of(ApiTokenRow row, String secret, OffsetDateTime now) {
        return new TokenView(row.id(), secret, row.name(), row.hint(), row.roles().stream().sorted().map(Role::key).toList(),
                row.status(now), row.createdBy(), row.createdAt(), row.expiresAt(), row.lastUsedAt(), row.revokedAt());
    }
}
