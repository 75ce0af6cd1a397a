package dev.kreis.platform.identity.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored profile: what one source knows about one person or organisation. */
public record ProfileRow(UUID id, UUID customerId, String source, String externalId, String kind,
        UUID organisationId, OffsetDateTime observedAt, OffsetDateTime createdAt) {
}
