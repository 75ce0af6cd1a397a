package dev.kreis.module.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.spi.customer.Hold;

/** What the marketing API answers about campaigns, members, web visits and form submissions, as the document shows it. */
final class MarketingViews {
    static final String NEXT_CURSOR = "Cursor of the next page; null on the last page.";
    static final String CHANNELS_DOC = "email, web, social, sms, event, other";

    private MarketingViews() {
    }

    @Schema(name = "CampaignAudience", description = "Who the campaign is for: a list of customer ids or a segment filter on golden attributes.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AudienceView(
            @Schema(required = true, enumeration = { "list", "segment" }) String type,
            @Schema(description = "A list's customer ids (only when one campaign is read; lists show only size).") List<UUID> customerIds,
            @Schema(description = "A segment's attribute = value filter (all must match).", type = SchemaType.OBJECT,
                    additionalProperties = String.class) Map<String, String> filter,
            @Schema(description = "A list's number of ids.") Integer size) {
    }

    @Schema(name = "Campaign", description = "A marketing campaign.")
    public record CampaignView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String name,
            @Schema(required = true, enumeration = { "email", "web", "social", "sms", "event", "other" }) String channel,
            @Schema(required = true, description = "The consent purpose checked for every member.") String purpose,
            @Schema(required = true, nullable = true, format = "date") LocalDate startsOn,
            @Schema(required = true, nullable = true, format = "date") LocalDate endsOn,
            @Schema(required = true, nullable = true, description = "In the installation's currency.") BigDecimal budget,
            @Schema(required = true) AudienceView audience,
            @Schema(required = true, format = "date-time") Instant createdAt,
            @Schema(required = true, format = "date-time") Instant updatedAt,
            @Schema(required = true, nullable = true, format = "date-time", description = "When the members were last resolved.")
            Instant refreshedAt) {
    }

    @Schema(name = "CampaignPage", description = "One page of campaigns.")
    public record CampaignPage(@Schema(required = true) List<CampaignView> items,
            @Schema(required = true, nullable = true, description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "CampaignRefresh", description = "The members resolved from the audience now.")
    public record Refresh(
            @Schema(required = true) UUID campaignId,
            @Schema(required = true, format = "date-time") Instant refreshedAt,
            @Schema(required = true, description = "Members after the refresh.") int members,
            @Schema(required = true, description = "Members included now (consent given, no hold).") int included,
            @Schema(required = true) int excluded,
            @Schema(required = true, description = "List ids skipped as unknown or erased.") int skipped) {
    }

    @Schema(name = "CampaignMemberHold", description = "A hold that keeps the member out of campaigns.")
    public record HoldView(
            @Schema(required = true, description = "The module that placed it.") String placedBy,
            @Schema(required = true) String reference,
            @Schema(required = true) String reason,
            @Schema(required = true, format = "date-time") Instant placedAt) {

        static HoldView of(Hold hold) {
            return new HoldView(hold.placedBy(), hold.reference(), hold.reason(), hold.placedAt());
        }
    }

    @Schema(name = "CampaignMember", description = "A member with its standing now.")
    public record MemberView(
            @Schema(required = true) UUID customerId,
            @Schema(required = true, enumeration = { "included", "excluded" }) String status,
            @Schema(required = true, nullable = true, description = "The first reason for exclusion; null when included.") String reason,
            @Schema(required = true, description = "Every reason for exclusion.") List<String> reasons,
            @Schema(required = true) List<HoldView> holds,
            @Schema(required = true, format = "date-time") Instant addedAt) {
    }

    @Schema(name = "CampaignMemberPage", description = "One page of members, by customer id.")
    public record MemberPage(@Schema(required = true) List<MemberView> items,
            @Schema(required = true, nullable = true, description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "WebVisit", description = "A recorded web visit.")
    public record WebVisitView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String externalId,
            @Schema(required = true) UUID customerId,
            @Schema(required = true, format = "uri") String url,
            @Schema(required = true, format = "date-time") Instant occurredAt,
            @Schema(required = true, enumeration = MarketingTypes.WEB_VISIT) String type,
            @Schema(required = true) UUID touchpointId) {
    }

    @Schema(name = "FormSubmission", description = "A recorded form submission.")
    public record FormSubmissionView(
            @Schema(required = true) UUID id,
            @Schema(required = true, description = "The externalId given, or form-<id>.") String externalId,
            @Schema(required = true) String form,
            @Schema(required = true) UUID customerId,
            @Schema(required = true, format = "email") String email,
            @Schema(required = true, nullable = true) String firstName,
            @Schema(required = true, nullable = true) String lastName,
            @Schema(required = true, nullable = true) String phone,
            @Schema(required = true, description = "The form's fields, values as text.", type = SchemaType.OBJECT,
                    additionalProperties = String.class) Map<String, String> fields,
            @Schema(required = true, format = "date-time") Instant occurredAt,
            @Schema(required = true, enumeration = MarketingTypes.FORM_SUBMITTED) String type,
            @Schema(required = true) UUID touchpointId) {
    }

    @Schema(name = "EmailEvent", description = "A recorded e-mail event.")
    public record EmailEventView(
            @Schema(required = true) UUID id,
            @Schema(required = true, description = "The provider's id.") String externalId,
            @Schema(required = true) UUID campaignId,
            @Schema(required = true, description = "The customer now (after merges).") UUID customerId,
            @Schema(required = true, enumeration = { "sent", "delivered", "opened", "clicked", "bounced", "unsubscribed" }) String event,
            @Schema(required = true, description = "The touchpoint type, marketing.email_<event>.", example = "marketing.email_opened") String type,
            @Schema(required = true, format = "date-time") Instant occurredAt,
            @Schema(required = true) UUID touchpointId,
            @Schema(required = true, description = "Whether the externalId was recorded before (nothing new was stored).") boolean duplicate) {
    }

    @Schema(name = "EmailEventBatchResult", description = "The outcome of a batch: counts and one event per event given, in order.")
    public record EmailEventBatch(
            @Schema(required = true, description = "Events stored now.") int accepted,
            @Schema(required = true, description = "Events recorded before.") int duplicates,
            @Schema(required = true) List<EmailEventView> items) {
    }
    @Schema(name = "CampaignEmailEventCount", description = "How many e-mail events of one kind the campaign has, and for how many customers.")
    public record EmailEventCount(
            @Schema(required = true, enumeration = { "sent", "delivered", "opened", "clicked", "bounced", "unsubscribed" }) String event,
            @Schema(required = true, description = "The touchpoint type, marketing.email_<event>.", example = "marketing.email_opened") String type,
            @Schema(required = true, description = "Events of this kind recorded for the campaign.") long events,
            @Schema(required = true, description = "Distinct customers with at least one such event.") long customers) {
    }

    @Schema(name = "CampaignWebActivity", description = "Web visits linked to the campaign. A web visit carries no campaign id, so "
            + "there are two separate measures: visits whose URL carries the campaign's id as utm_campaign (attributed), and visits by "
            + "the campaign's members within its period (not attributed: members may have come for any reason).")
    public record WebActivityView(
            @Schema(required = true, description = "Visits whose URL has the query parameter utm_campaign equal to the campaign's id.")
            long taggedVisits,
            @Schema(required = true, description = "Distinct customers among the tagged visits.") long taggedVisitors,
            @Schema(required = true, description = "Visits by the campaign's current members between the period's start (startsOn, "
                    + "or the day the campaign was created) and its end (endsOn inclusive, or now). 0 before the first members refresh.")
            long memberVisits,
            @Schema(required = true, description = "Distinct members among those visits.") long memberVisitors,
            @Schema(required = true, format = "date-time", description = "Start of the member-visit window.") Instant from,
            @Schema(required = true, format = "date-time", description = "End of the member-visit window (exclusive).") Instant to) {
    }

    @Schema(name = "CampaignActivity", description = "E-mail event counts per kind and web activity of one campaign.")
    public record ActivityView(
            @Schema(required = true) UUID campaignId,
            @Schema(required = true, description = "One entry per e-mail event kind, in the order sent, delivered, opened, clicked, "
                    + "bounced, unsubscribed; kinds without events count 0.") List<EmailEventCount> email,
            @Schema(required = true, nullable = true, format = "date-time", description = "The latest e-mail event; null without any.")
            Instant lastEmailEventAt,
            @Schema(required = true) WebActivityView web,
            @Schema(required = true, format = "date-time", description = "When these counts were taken.") Instant computedAt) {
    }

    @Schema(name = "CampaignEmailEventPage", description = "One page of a campaign's e-mail events, newest first (duplicate is always false here).")
    public record EmailEventPage(@Schema(required = true) List<EmailEventView> items,
            @Schema(required = true, nullable = true, description = NEXT_CURSOR) String nextCursor) {
    }
}
