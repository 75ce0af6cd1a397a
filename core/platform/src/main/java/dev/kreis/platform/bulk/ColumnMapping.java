package dev.kreis.platform.bulk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one column holds: exactly one of a field of the API's body, an identifier type, or an attribute. */
@Schema(description = "What one column holds: exactly one of field, identifier or attribute.")
public record ColumnMapping(
        @Schema(nullable = true, description = "A field of the API's body. Profiles: externalId, kind, observedAt. Touchpoints: externalId,"
                + " customerId, type, channel, phase, initiator, occurredAt, score, amount, currency.", example = "externalId")
        String field,
        @Schema(nullable = true, enumeration = { "email", "phone", "external", "custom" }, description = "An identifier of the customer.",
                example = "email")
        String identifier,
        @Schema(nullable = true, description = "For identifier external or custom: the system or key name.", example = "shop")
        String system,
        @Schema(nullable = true, description = "An attribute (profiles) or a payload key (touchpoints).", example = "firstName")
        String attribute) {
}
