package dev.kreis.platform.identity;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated, normalised profile as a source sent it. {@code identifiers} empty and
 * {@code replaceIdentifiers} false means the request did not mention identifiers, so the stored
 * ones stay.
 */
public record ProfileSubmission(String source, String externalId, String kind, Map<String, JsonNode> attributes,
        Set<Identifier> identifiers, boolean replaceIdentifiers, Optional<OffsetDateTime> observedAt,
        Optional<UUID> organisationId) {
}
