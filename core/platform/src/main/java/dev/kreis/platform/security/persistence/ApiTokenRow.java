package dev.kreis.platform.security.persistence;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.security.Role;

/**
 * One API token as stored: only the SHA-256 of the secret and its last four characters are kept.
 * {@code createdByAccount} is the local account whose permissions bound the token (null when a Keycloak
 * identity issued it).
 */
public record ApiTokenRow(UUID id, String name, String tokenHash, String hint, Set<Role> roles, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt,
        UUID createdByAccount) {

    /** The same token acting with {@code roles} (its own, cut to what its creator may do now). */
    public ApiTokenRow withRoles(Set<Role> roles) {
        return new ApiTokenRow(id, name, tokenHash, hint, roles, createdBy, createdAt, expiresAt, lastUsedAt, revokedAt, createdByAccount);
    }

    public ApiTokenRow usedAt(OffsetDateTime at) {
        return new ApiTokenRow(id, name, tokenHash, hint, roles, createdBy, createdAt, expiresAt, at, revokedAt, createdByAccount);
    }

    public boolean usableAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public String status(OffsetDateTime now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
    }
}
