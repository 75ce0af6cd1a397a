package dev.kreis.platform.security.persistence;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.security.Role;

/** One API token as stored: only the SHA-256 of the secret and its last four characters are kept. */
public record ApiTokenRow(UUID id, String name, String tokenHash, String hint, Set<Role> roles, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

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
