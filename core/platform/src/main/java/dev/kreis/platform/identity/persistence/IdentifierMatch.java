package dev.kreis.platform.identity.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.identity.Identifier;

/** A stored profile that carries a given identifier. */
public record IdentifierMatch(Identifier identifier, UUID profileId, UUID customerId, String source, String kind,
        OffsetDateTime profileCreatedAt) {
}
