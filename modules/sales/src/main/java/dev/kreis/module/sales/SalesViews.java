package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the sales API answers: leads, deals, orders, subscriptions and their pages, as the document shows them. */
final class SalesViews {
    static final String NEXT_CURSOR = "Cursor of the next page; null on the last page.";

    private SalesViews() {
    }

    @Schema(name = "Lead", description = "A lead with its priority computed now.")
    public record Lead(
            @Schema(required = true) UUID id,
            @Schema(required = true, nullable = true, description = "The lead's customer now (after merges); null once erased.") UUID customerId,
            @Schema(required = true, nullable = true, format = "email") String email,
            @Schema(required = true, nullable = true) String phone,
            @Schema(required = true, nullable = true) String firstName,
            @Schema(required = true, nullable = true) String lastName,
            @Schema(required = true, nullable = true) String company,
            @Schema(required = true, nullable = true) String source,
            @Schema(required = true, enumeration = { "new", "qualified", "converted", "disqualified" }) String status,
            @Schema(required = true, description = "Whether the lead's personal data was erased.") boolean erased,
            @Schema(required = true, enumeration = { "high", "medium", "low" }, description = "From the customer's recent web visits.")
            String priority,
            @Schema(required = true, description = "Which rule gave the priority.") String priorityReason,
            @Schema(required = true, description = "Web visits in the priority window.") long webVisits,
            @Schema(required = true, format = "date-time") Instant createdAt,
            @Schema(required = true, format = "date-time") Instant updatedAt) {

        static Lead of(SalesDb.Row row, UUID customerId, PriorityRule.Priority priority) {
            return new Lead(row.uuid("id"), customerId, row.text("email"), row.text("phone"), row.text("first_name"), row.text("last_name"),
                    row.text("company"), row.text("source"), row.text("status"), row.bool("erased"), priority.level(), priority.reason(),
                    priority.visits(), row.instant("created_at"), row.instant("updated_at"));
        }
    }

    @Schema(name = "LeadPage", description = "One page of leads.")
    public record LeadPage(@Schema(required = true) List<Lead> items,
            @Schema(required = true, nullable = true, description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "DealStage", description = "A stage a deal entered.")
    public record DealStage(
            @Schema(required = true, enumeration = { "prospecting", "qualification", "proposal", "negotiation", "won", "lost" }) String stage,
            @Schema(required = true, format = "date-time") Instant enteredAt,
            @Schema(required = true, nullable = true, description = "Who changed it; null for a service without a user.") String changedBy) {

        static DealStage of(SalesDb.Row row) {
            return new DealStage(row.text("stage"), row.instant("entered_at"), row.text("changed_by"));
        }
    }

    @Schema(name = "DealStagePage", description = "A deal's stage history, oldest first (one page).")
    public record DealStagePage(@Schema(required = true) List<DealStage> items,
            @Schema(required = true, nullable = true, description = "Always null: the history is one page.") String nextCursor) {
    }

    @Schema(name = "Deal", description = "A deal; history only when one deal is read or written.")
    public record Deal(
            @Schema(required = true) UUID id,
            @Schema(required = true, nullable = true, description = "The deal's customer now (after merges); null once erased.") UUID customerId,
            @Schema(required = true, nullable = true) UUID leadId,
            @Schema(required = true) String name,
            @Schema(required = true) BigDecimal amount,
            @Schema(required = true, enumeration = { "prospecting", "qualification", "proposal", "negotiation", "won", "lost" }) String stage,
            @Schema(required = true, nullable = true, format = "date") LocalDate expectedCloseOn,
            @Schema(required = true, format = "date-time") Instant openedAt,
            @Schema(required = true, nullable = true, format = "date-time") Instant closedAt,
            @Schema(required = true, nullable = true) String wonReason,
            @Schema(required = true, nullable = true) String lostReason,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = "The CRM record the deal was synced from (a HubSpot deal, a Salesforce opportunity); absent for a deal "
                    + "made in Kreis. Such a deal is changed in the CRM, not through this API.") DealCrmOrigin crmOrigin,
            @Schema(required = true, format = "date-time") Instant createdAt,
            @Schema(required = true, format = "date-time") Instant updatedAt,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = "Every stage the deal entered, oldest first; absent in lists.") List<DealStage> history) {
    }

    @Schema(name = "DealCrmOrigin", description = "Where a deal synced from a CRM came from.")
    public record DealCrmOrigin(
            @Schema(required = true, description = "The source of the CRM connection it came through.", example = "hubspot") String source,
            @Schema(required = true, description = "The CRM object: deals (HubSpot) or Opportunity (Salesforce).", example = "deals") String object,
            @Schema(required = true, nullable = true, description = "The CRM's record id; null once the customer was erased.",
                    example = "18734512") String recordId) {

        static DealCrmOrigin of(SalesDb.Row row) {
            return row.text("crm_source") == null ? null
                    : new DealCrmOrigin(row.text("crm_source"), row.text("crm_object"), row.text("crm_record_id"));
        }
    }

    @Schema(name = "DealPage", description = "One page of deals (without their history).")
    public record DealPage(@Schema(required = true) List<Deal> items,
            @Schema(required = true, nullable = true, description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "Order", description = "An order, recorded as a revenue.order touchpoint.")
    public record Order(
            @Schema(required = true) UUID id,
            @Schema(required = true, description = "The shop's order number.") String externalId,
            @Schema(required = true, nullable = true, description = "The customer now (after merges); null once erased.") UUID customerId,
            @Schema(required = true) BigDecimal amount,
            @Schema(required = true, format = "date-time") Instant orderedAt,
            @Schema(required = true, format = "date-time") Instant createdAt) {
    }

    @Schema(name = "OrderPage", description = "One page of orders.")
    public record OrderPage(@Schema(required = true) List<Order> items,
            @Schema(required = true, nullable = true, description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "SubscriptionEvent", description = "A start, MRR change or cancellation.")
    public record SubscriptionEvent(
            @Schema(required = true, enumeration = { "started", "changed", "cancelled" }) String kind,
            @Schema(required = true, description = "The subscription's MRR after the event (0 when cancelled).") BigDecimal mrr,
            @Schema(required = true, format = "date-time") Instant at,
            @Schema(required = true, nullable = true) String reason) {
    }

    @Schema(name = "Subscription", description = "A subscription; history only when one subscription is read or written.")
    public record Subscription(
            @Schema(required = true) UUID id,
            @Schema(required = true, nullable = true, description = "The customer now (after merges); null once erased.") UUID customerId,
            @Schema(required = true, nullable = true) String plan,
            @Schema(required = true, description = "Monthly recurring revenue.") BigDecimal mrr,
            @Schema(required = true, enumeration = { "active", "cancelled" }) String status,
            @Schema(required = true, format = "date-time") Instant startedAt,
            @Schema(required = true, nullable = true, format = "date-time") Instant cancelledAt,
            @Schema(required = true, nullable = true) String cancelReason,
            @Schema(required = true, format = "date-time") Instant createdAt,
            @Schema(required = true, format = "date-time") Instant updatedAt,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = "Starts, changes and cancellation, oldest first; absent in lists.") List<SubscriptionEvent> history) {
    }

    @Schema(name = "SubscriptionPage", description = "One page of subscriptions (without their history).")
    public record SubscriptionPage(@Schema(required = true) List<Subscription> items,
            @Schema(required = true, nullable = true, description = NEXT_CURSOR) String nextCursor) {
    }
}
