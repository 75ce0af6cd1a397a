package dev.kreis.platform.identity.api;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of {@code POST /api/v1/profiles}. */
public record ProfileRequest(String source, String externalId, String kind, ObjectNode attributes,
        List<IdentifierRequest> identifiers, String observedAt, String organisationId) {
}
