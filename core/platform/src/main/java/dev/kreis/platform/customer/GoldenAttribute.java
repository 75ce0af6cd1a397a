package dev.kreis.platform.customer;

import dev.kreis.platform.api.JsonSchemas.ScalarValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A golden attribute value with its provenance: which profile, from which source, observed when. */
public record GoldenAttribute(@Schema(required = true, implementation = ScalarValue.class, description = "The surviving value") JsonNode value,
        @Schema(required = true, description = "The source of the profile it came from") String source,
        @Schema(required = true, description = "The profile it came from") UUID profileId,
        @Schema(required = true, format = "date-time", description = "When that source observed it") OffsetDateTime observedAt) {

    static GoldenAttribute from(AttributeObservation observation) {
        return new GoldenAttribute(observation.value(), observation.source(), observation.profileId(), observation.observedAt());
    }
}
