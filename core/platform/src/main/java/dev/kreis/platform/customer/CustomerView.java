package dev.kreis.platform.customer;

import dev.kreis.platform.api.JsonSchemas.ScalarAttributes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The golden record of one customer with provenance, its identifiers and profiles. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(UUID id, String kind, String displayName, UUID organisationId,
        Map<String, GoldenAttribute> attributes, List<IdentifierView> identifiers, List<ProfileView> profiles,
        List<CustomerSummary> members, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** An identifier with the profile (and source) that carries it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record IdentifierView(String type, String value, String system, UUID profileId, String source) {
    }

    /** One contributing profile with its own attribute values. */
    public record ProfileView(UUID id, String source, String externalId, String kind, OffsetDateTime observedAt,
            OffsetDateTime createdAt, @Schema(implementation = ScalarAttributes.class, description = "The profile's own attribute values") Map<String, JsonNode> attributes) {
    }
}
