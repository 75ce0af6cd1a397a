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
public record DataSubjectExport(OffsetDateTime exportedAt, UUID customerId, List<UUID> customerIds, CustomerView customer,
        List<ProfileExport> profiles, List<TouchpointView> touchpoints, List<ConsentDecision> consents, List<EventRow> identityHistory,
        List<SuggestionExport> mergeSuggestions, List<InvitationExport> surveyInvitations, List<AuditEntry> auditEntries,
        ErasureReceipt erasure,
        Map<String, Map<UUID, Map<String, Object>>> modules) {

    /** One profile as its source sent it. */
    public record ProfileExport(UUID id, String source, String externalId, String kind, @Schema(nullable = true) UUID organisationId, OffsetDateTime observedAt,
            OffsetDateTime createdAt, Map<String, ObservedValue> attributes, List<IdentifierExport> identifiers) {
    }

    /** An attribute value and when it was observed. */
    public record ObservedValue(@Schema(implementation = ScalarValue.class) JsonNode value, OffsetDateTime observedAt) {
    }

    /** A normalised identifier; {@code system} is empty for e-mail and phone. */
    public record IdentifierExport(String type, String system, String value) {
    }

    /** A survey invitation sent to the customer (without its token: that is a credential, kept only as a hash). */
    public record InvitationExport(UUID id, UUID surveyId, UUID customerId, UUID contextTouchpointId, String createdBy,
            OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime answeredAt, UUID responseTouchpointId) {
    }

    /** A merge suggestion involving one of the customer's profiles, in any status. */
    public record SuggestionExport(UUID id, BigDecimal score, List<String> reasons, String status, List<UUID> profileIds,
            List<UUID> customerIds, OffsetDateTime createdAt) {
    }
}
