package dev.kreis.platform.privacy;

import dev.kreis.platform.api.JsonSchemas.ScalarValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.audit.AuditEntry;
import dev.kreis.platform.customer.CustomerView;
import dev.kreis.platform.identity.persistence.IdentityEventRepository.EventRow;
import dev.kreis.platform.touchpoint.api.TouchpointView;

/**
 * Everything Kreis holds about one customer (right of access): the golden record with provenance, each
 * profile with its attributes and identifiers, every touchpoint with its payload, the consents, the
 * identity history, merge suggestions, survey invitations and audit entries about the customer, the erasure receipt if it
 * was erased, and what each module contributed ({@code modules.<module id>.<customer id>}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"exportedAt": "2026-02-01T12:00:00Z", "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f",
         "customerIds": ["5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f"],
         "customer": {"id": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "kind": "person", "displayName": "Anna Berger",
          "attributes": {"firstName": {"value": "Anna", "source": "crm", "profileId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "observedAt": "2026-01-02T08:00:00Z"}},
          "identifiers": [{"type": "email", "value": "anna.berger@example.com", "profileId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "source": "crm"}],
          "profiles": [{"id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "source": "crm", "externalId": "C-1001", "kind": "person",
           "observedAt": "2026-01-02T08:00:00Z", "createdAt": "2026-01-02T08:00:01Z", "attributes": {"firstName": "Anna"}}],
          "createdAt": "2026-01-02T08:00:01Z", "updatedAt": "2026-01-02T08:00:01Z"},
         "profiles": [{"id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "source": "crm", "externalId": "C-1001", "kind": "person", "organisationId": null,
          "observedAt": "2026-01-02T08:00:00Z", "createdAt": "2026-01-02T08:00:01Z",
          "attributes": {"firstName": {"value": "Anna", "observedAt": "2026-01-02T08:00:00Z"}},
          "identifiers": [{"type": "email", "system": "", "value": "anna.berger@example.com"}]}],
         "touchpoints": [{"id": "7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d3f", "source": "shop", "externalId": "order-10023",
          "profileId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "type": "revenue.order", "module": "core", "channel": "web", "phase": "purchase",
          "initiator": "customer", "occurredAt": "2026-01-04T10:00:00Z", "receivedAt": "2026-01-04T10:00:02Z", "amount": 49.9, "currency": "EUR"}],
         "consents": [{"purpose": "newsletter", "channel": "email", "status": "granted", "decidedAt": "2026-01-02T08:00:00Z", "source": "shop"}],
         "identityHistory": [], "mergeSuggestions": [],
         "surveyInvitations": [{"id": "1e3a5c7e-9b1d-4f3a-8c5e-7a9b1d3f5a7c", "surveyId": "6f1c2d4e-0a7b-4c1e-9d2f-3b5a7c9e1f20",
          "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "contextTouchpointId": null, "createdBy": "admin",
          "createdAt": "2026-01-02T09:00:00Z", "expiresAt": "2026-01-16T09:00:00Z", "answeredAt": null, "responseTouchpointId": null}],
         "auditEntries": [{"id": "8e0a2c4e-6f8a-4b1c-9d3e-5f7a9b1c3d5e", "occurredAt": "2026-02-01T12:00:00Z", "actor": "privacy-officer",
          "action": "customer.exported", "targetType": "customer", "targetId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "before": null,
          "after": {"customerIds": ["5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f"], "profiles": 1, "touchpoints": 1, "consents": 1, "modules": ["support"]}}],
         "modules": {"support": {"5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f": {"tickets": []}}}}""")
public record DataSubjectExport(@Schema(required = true, format = "date-time") OffsetDateTime exportedAt, @Schema(required = true, description = "The customer exported (the surviving one after merges)") UUID customerId, @Schema(required = true, description = "It and every customer merged into it") List<UUID> customerIds, @Schema(required = true) CustomerView customer,
        @Schema(required = true) List<ProfileExport> profiles, @Schema(required = true) List<TouchpointView> touchpoints, @Schema(required = true) List<ConsentDecision> consents, @Schema(required = true) List<EventRow> identityHistory,
        @Schema(required = true) List<SuggestionExport> mergeSuggestions, @Schema(required = true) List<InvitationExport> surveyInvitations, @Schema(required = true) List<AuditEntry> auditEntries,
        @Schema(description = "The erasure receipt; left out unless the customer was erased") ErasureReceipt erasure,
        @Schema(required = true, description = "What each module holds: module id to customer id to the module's own data") Map<String, Map<UUID, Map<String, Object>>> modules) {

    /** One profile as its source sent it. */
    public record ProfileExport(@Schema(required = true) UUID id, @Schema(required = true) String source, @Schema(required = true) String externalId, @Schema(required = true, enumeration = { "person", "organisation" }) String kind, @Schema(required = true, description = "The organisation it names; null when none", nullable = true) UUID organisationId, @Schema(required = true, format = "date-time") OffsetDateTime observedAt,
            @Schema(required = true, format = "date-time") OffsetDateTime createdAt, @Schema(required = true, description = "Each attribute with when it was observed") Map<String, ObservedValue> attributes, @Schema(required = true) List<IdentifierExport> identifiers) {
    }

    /** An attribute value and when it was observed. */
    public record ObservedValue(@Schema(required = true, implementation = ScalarValue.class) JsonNode value, @Schema(required = true, format = "date-time") OffsetDateTime observedAt) {
    }

    /** A normalised identifier; {@code system} is empty for e-mail and phone. */
    public record IdentifierExport(@Schema(required = true, enumeration = { "email", "phone", "external", "custom" }) String type, @Schema(required = true, description = "The system or key name; empty for e-mail and phone") String system, @Schema(required = true) String value) {
    }

    /** A survey invitation sent to the customer (without its token: that is a credential, kept only as a hash). */
    public record InvitationExport(@Schema(required = true) UUID id, @Schema(required = true) UUID surveyId, @Schema(required = true) UUID customerId, @Schema(required = true, nullable = true, description = "The touchpoint the survey asked about; null when none") UUID contextTouchpointId, @Schema(required = true) String createdBy,
            @Schema(required = true, format = "date-time") OffsetDateTime createdAt, @Schema(required = true, format = "date-time") OffsetDateTime expiresAt, @Schema(required = true, nullable = true, format = "date-time") OffsetDateTime answeredAt, @Schema(required = true, nullable = true, description = "The answer's touchpoint; null until answered") UUID responseTouchpointId) {
    }

    /** A merge suggestion involving one of the customer's profiles, in any status. */
    public record SuggestionExport(@Schema(required = true) UUID id, @Schema(required = true) BigDecimal score, @Schema(required = true) List<String> reasons, @Schema(required = true, enumeration = { "open", "dismissed", "merged" }) String status, @Schema(required = true) List<UUID> profileIds,
            @Schema(required = true) List<UUID> customerIds, @Schema(required = true, format = "date-time") OffsetDateTime createdAt) {
    }
}
