package dev.kreis.platform.customer;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A golden attribute value with its provenance: which profile, from which source, observed when. */
public record GoldenAttribute(JsonNode value, String source, UUID profileId, OffsetDateTime observedAt) {

    static GoldenAttribute from(AttributeObservation observation) {
        return new GoldenAttribute(observation.value(), observation.source(), observation.profileId(), observation.observedAt());
    }
}
