package dev.kreis.module.support;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code sup_ticket}, loaded for a change and written back whole. Not thread-safe; one per request. */
final class Ticket {
    UUID id;
    UUID customerId;
    String subject;
    String description;
    String channel;
    Priority priority;
    boolean proactive;
    TicketStatus status;
    int contacts;
    int responses;
    int resolutions;
    Instant openedAt;
    Instant firstRespondedAt;
    Long firstResponseSeconds;
    Instant resolvedAt;
    Long resolutionSeconds;
    Boolean slaMet;
    Instant closedAt;
    String resolutionNote;
    Instant firstResponseDueAt;
    Instant resolutionDueAt;
    boolean firstResponseBreachNoted;
    boolean resolutionBreachNoted;
    UUID openedTouchpointId;
    UUID resolvedTouchpointId;
    UUID csatInvitationId;
    UUID cesInvitationId;
    long events;
    /** Where a ticket synced from a CRM came from (null for one opened in Kreis); the record id is cleared by an erasure. */
    String crmSource;
    String crmObject;
    String crmRecordId;
    Instant createdAt;
    Instant updatedAt;
    /** Not stored: the id the customer has now, {@code null} when the customer was erased (then nothing is recorded about them). */
    UUID liveCustomerId;

    boolean firstResponseBreached(Instant now) {
        return Sla.firstResponseBreached(firstResponseDueAt, firstRespondedAt, closedAt, now);
    }

    boolean resolutionBreached(Instant now) {
        return Sla.resolutionBreached(resolutionDueAt, resolvedAt, closedAt, now);
    }

    /** Whether the customer should be held out of campaigns because of this ticket. */
    boolean holdsCampaigns() {
        return status.active() && priority.holdsCampaigns();
    }

    String holdReason() {
        String reason = "Open high-priority support ticket: " + subject;
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
