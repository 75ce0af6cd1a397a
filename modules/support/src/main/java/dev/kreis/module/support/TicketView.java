package dev.kreis.module.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ticket as the API shows it. {@code sla} is computed against the time of the request; {@code feedback} is only
 * present in the answer to {@code POST .../resolve} (the invitation tokens are shown once).
 */
@Schema(name = "Ticket", description = "A support ticket with its SLA state.")
public record TicketView(
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true, description = "The customer; null once the customer was erased.") UUID customerId,
        @Schema(required = true) String subject,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true, enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other" })
        String channel,
        @Schema(required = true, enumeration = { "low", "normal", "high", "urgent" }) String priority,
        @Schema(required = true, description = "Opened by the company before the customer asked.") boolean proactive,
        @Schema(required = true, enumeration = { "open", "pending", "resolved", "closed" }) String status,
        @Schema(required = true, description = "Contacts from the customer about this ticket.") int contacts,
        @Schema(required = true, description = "Responses by agents.") int responses,
        @Schema(required = true, format = "date-time") Instant openedAt,
        @Schema(required = true, nullable = true, format = "date-time") Instant firstRespondedAt,
        @Schema(required = true, nullable = true, format = "date-time") Instant resolvedAt,
        @Schema(required = true, nullable = true, format = "date-time") Instant closedAt,
        @Schema(required = true, nullable = true) String resolutionNote,
        @Schema(required = true) SlaView sla,
        @Schema(required = true, nullable = true, description = "The CSAT invitation sent on resolution.") UUID csatInvitationId,
        @Schema(required = true, nullable = true, description = "The CES invitation sent on resolution.") UUID cesInvitationId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The CRM record the ticket was synced from (a HubSpot ticket, a Salesforce case); absent for a ticket "
                + "opened in Kreis. Such a ticket is worked in the CRM, not through this API.") CrmOrigin crmOrigin,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(description = "Only in the answer to resolve: the feedback invitations with their single-use tokens.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FeedbackLink> feedback) {

    /** The ticket's targets and whether they were missed (by the time of the request, or the time that stopped their clock). */
    @Schema(name = "TicketSla", description = "The ticket's SLA targets and whether they were missed.")
    public record SlaView(@Schema(required = true, format = "date-time") Instant firstResponseDueAt,
            @Schema(required = true, format = "date-time") Instant resolutionDueAt,
            @Schema(required = true) boolean firstResponseBreached,
            @Schema(required = true) boolean resolutionBreached) {
    }

    /** Where a ticket synced from a CRM came from. */
    @Schema(name = "TicketCrmOrigin", description = "Where a ticket synced from a CRM came from.")
    public record CrmOrigin(
            @Schema(required = true, description = "The source of the CRM connection it came through.", example = "hubspot") String source,
            @Schema(required = true, description = "The CRM object: tickets (HubSpot) or Case (Salesforce).", example = "tickets") String object,
            @Schema(required = true, nullable = true, description = "The CRM's record id; null once the customer was erased.",
                    example = "2290417") String recordId) {

        static CrmOrigin of(Ticket t) {
            return t.crmSource == null ? null : new CrmOrigin(t.crmSource, t.crmObject, t.crmRecordId);
        }
    }

    /** An invitation issued on resolution; {@code token} is the customer's single-use secret, shown only here. */
    @Schema(name = "TicketFeedbackInvitation", description = "A CSAT or CES invitation issued on resolution.")
    public record FeedbackLink(@Schema(required = true, enumeration = { "csat", "ces" }) String kind,
            @Schema(required = true) UUID invitationId,
            @Schema(required = true, description = "The customer's single-use secret, shown only here.") String token,
            @Schema(required = true, format = "date-time") Instant expiresAt,
            @Schema(required = true, description = "Where the customer answers (public survey endpoint).") String responsePath,
            @Schema(required = true, description = "The page where the customer answers in a browser, without signing in: /answer/{token}.") String answerPath) {
    }

    static TicketView of(Ticket t, Instant now) {
        return of(t, now, null);
    }

    static TicketView of(Ticket t, Instant now, List<FeedbackLink> feedback) {
        return new TicketView(t.id, t.customerId, t.subject, t.description, t.channel, t.priority.wire(), t.proactive, t.status.wire(),
                t.contacts, t.responses, t.openedAt, t.firstRespondedAt, t.resolvedAt, t.closedAt, t.resolutionNote,
                new SlaView(t.firstResponseDueAt, t.resolutionDueAt, t.firstResponseBreached(now), t.resolutionBreached(now)),
                t.csatInvitationId, t.cesInvitationId, CrmOrigin.of(t), t.createdAt, t.updatedAt, feedback);
    }
}
