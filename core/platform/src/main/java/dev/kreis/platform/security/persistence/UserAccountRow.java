package dev.kreis.platform.security.persistence;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.security.Role;

/** One local account as stored. {@code passwordHash} never leaves the security package. */
public record UserAccountRow(UUID id, String username, String displayName, String email, String passwordHash,
        Set<Role> roles, boolean enabled, int failedAttempts, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt,
        OffsetDateTime passwordChangedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
