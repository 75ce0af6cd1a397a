package dev.kreis.module.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ticket as the API shows it. {@code sla} is computed against the time of the request; {@code feedback} is only
 * present in the answer to {@code POST .../resolve} (the invitation tokens are shown once).
 */
public record TicketView(UUID id, UUID customerId, String subject, String description, String channel, String priority, boolean proactive,
        String status, int contacts, int responses, Instant openedAt, Instant firstRespondedAt, Instant resolvedAt, Instant closedAt,
        String resolutionNote, SlaView sla, UUID csatInvitationId, UUID cesInvitationId, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FeedbackLink> feedback) {

    /** The ticket's targets and whether they were missed (by the time of the request, or the time that stopped their clock). */
    public record SlaView(Instant firstResponseDueAt, Instant resolutionDueAt, boolean firstResponseBreached, boolean resolutionBreached) {
    }

    /** An invitation issued on resolution; {@code token} is the customer's single-use secret, shown only here. */
    public record FeedbackLink(String kind, UUID invitationId, String token, Instant expiresAt, String responsePath) {
    }

    static TicketView of(Ticket t, Instant now) {
        return of(t, now, null);
    }

    static TicketView of(Ticket t, Instant now, List<FeedbackLink> feedback) {
        return new TicketView(t.id, t.customerId, t.subject, t.description, t.channel, t.priority.wire(), t.proactive, t.status.wire(),
                t.contacts, t.responses, t.openedAt, t.firstRespondedAt, t.resolvedAt, t.closedAt, t.resolutionNote,
                new SlaView(t.firstResponseDueAt, t.resolutionDueAt, t.firstResponseBreached(now), t.resolutionBreached(now)),
                t.csatInvitationId, t.cesInvitationId, t.createdAt, t.updatedAt, feedback);
    }
}
