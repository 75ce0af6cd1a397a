package dev.kreis.platform.customer;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** One profile's value of one attribute, as observed at a time. */
public record AttributeObservation(UUID profileId, String source, String name, JsonNode value, OffsetDateTime observedAt) {

    /** Empty values (null, blank text, empty array or object) never survive. */
    public boolean isEmpty() {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isTextual()) {
            return value.asText().isBlank();
        }
        return value.isContainerNode() && value.isEmpty();
    }
}
