package dev.kreis.platform.security.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.security.Role;
import dev.kreis.platform.security.persistence.ApiTokenRow;

/**
 * An API token as the API shows it. {@code token} (the secret) is present only in the answer to its
 * creation; {@code hint} is its last four characters, to tell tokens apart later.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(UUID id, String token, String name, String hint, List<String> roles, String status,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt,
        OffsetDateTime revokedAt) {

    static TokenView of(ApiTokenRow row, String secret, OffsetDateTime now) {
        return new TokenView(row.id(), secret, row.name(), row.hint(), row.roles().stream().sorted().map(Role::key).toList(),
                row.status(now), row.createdBy(), row.createdAt(), row.expiresAt(), row.lastUsedAt(), row.revokedAt());
    }
}
