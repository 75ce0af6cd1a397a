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
@Schema(example = CustomerView.EXAMPLE)
public record CustomerView(@Schema(required = true, description = "The customer's id (the surviving one after merges)") UUID id,
        @Schema(required = true, enumeration = { "person", "organisation" }) String kind,
        @Schema(description = "The golden name, else first and last name, else company, else the e-mail address; left out when it has none") String displayName,
        @Schema(description = "The organisation the latest observed profile names; left out when none does") UUID organisationId,
        @Schema(required = true, description = "The golden value of each attribute with its provenance") Map<String, GoldenAttribute> attributes,
        @Schema(required = true, description = "Every identifier of its profiles") List<IdentifierView> identifiers,
        @Schema(required = true, description = "The profiles the customer is made of") List<ProfileView> profiles,
        @Schema(description = "Persons whose profiles name this organisation (at most 100); only for organisations") List<CustomerSummary> members,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
        @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    /** An example of the answer, for the API document. */
    public static final String EXAMPLE = """
            {"id": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "kind": "person", "displayName": "Anna Berger",
             "attributes": {"firstName": {"value": "Anna", "source": "crm", "profileId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "observedAt": "2026-01-02T08:00:00Z"},
              "lastName": {"value": "Berger", "source": "crm", "profileId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "observedAt": "2026-01-02T08:00:00Z"}},
             "identifiers": [{"type": "email", "value": "anna.berger@example.com", "profileId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "source": "crm"},
              {"type": "external", "value": "C-1001", "system": "crm", "profileId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "source": "crm"}],
             "profiles": [{"id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "source": "crm", "externalId": "C-1001", "kind": "person",
              "observedAt": "2026-01-02T08:00:00Z", "createdAt": "2026-01-02T08:00:01Z", "attributes": {"firstName": "Anna", "lastName": "Berger"}}],
             "createdAt": "2026-01-02T08:00:01Z", "updatedAt": "2026-01-02T08:00:01Z"}""";

    /** An identifier with the profile (and source) that carries it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record IdentifierView(@Schema(required = true, enumeration = { "email", "phone", "external", "custom" }) String type,
            @Schema(required = true, description = "The normalised value (e-mail lower-cased, phone in E.164)") String value,
            @Schema(description = "The external system or custom key's name; left out for e-mail and phone") String system,
            @Schema(required = true, description = "The profile that carries it") UUID profileId,
            @Schema(required = true, description = "That profile's source") String source) {
    }

    /** One contributing profile with its own attribute values. */
    public record ProfileView(@Schema(required = true) UUID id, @Schema(required = true, description = "The system it came from, e.g. crm") String source,
            @Schema(required = true, description = "Its id in that system") String externalId,
            @Schema(required = true, enumeration = { "person", "organisation" }) String kind,
            @Schema(required = true, format = "date-time", description = "When the source last observed it") OffsetDateTime observedAt,
            @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
            @Schema(required = true, implementation = ScalarAttributes.class, description = "The profile's own attribute values") Map<String, JsonNode> attributes) {
    }
}
