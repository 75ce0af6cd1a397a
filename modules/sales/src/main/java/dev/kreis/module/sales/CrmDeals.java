package dev.kreis.module.sales;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.connector.CrmActivity;
import dev.kreis.spi.connector.CrmActivityReceiver;
import dev.kreis.spi.customer.CustomerLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * HubSpot deals and Salesforce opportunities become sales deals, upserted on {@code (source, recordId)} (the deal's
 * {@code crm_source}, {@code crm_record_id}). A new record opens a deal; a changed one updates name, amount, stage,
 * dates, reasons and customer, and a stage change enters the stage history like a manual one (changed by the
 * connection's source). No touchpoint is recorded here: the sync engine already stored the record's
 * {@code sales.deal_created}/{@code deal_won}/{@code deal_lost} touchpoints. The deal is the CRM's: the sales API
 * refuses to change it (409), so the next sync never overwrites a change made in Kreis. A deal of an erased
 * customer is left as it is. Thread-safe (stateless).
 */
@ApplicationScoped
public class CrmDeals implements CrmActivityReceiver {

    @Inject
    SalesDb db;

    @Inject
    CustomerLookup customers;

    @Override
    public String module() {
        return SalesModule.ID;
    }

    @Override
    @Transactional
    public void receive(CrmActivity activity) {
        if (activity.kind() != CrmActivity.Kind.DEAL) {
            return;
        }
        UUID customer = customers.current(activity.customerId()).orElse(null);
        if (customer == null) {
            return;
        }
        CrmDeal deal = CrmDeal.of(activity);
        Instant now = Instant.now();
        SalesDb.Row row = db.one("select * from sal_deal where crm_source = ? and crm_record_id = ? for update", activity.source(),
                activity.recordId()).orElse(null);
        if (row == null) {
            open(activity, deal, customer, now);
        } else if (customers.current(row.uuid("customer_id")).isPresent()) {
            change(row, activity, deal, customer, now);
        }
    }

    private void open(CrmActivity activity, CrmDeal deal, UUID customer, Instant now) {
        UUID id = UUID.randomUUID();
        String stage = deal.stageAfter(null);
        Instant openedAt = deal.openedAt().orElse(activity.modifiedAt());
        Instant closedAt = closedAt(deal, stage, openedAt, null, activity);
        db.update("insert into sal_deal (id, customer_id, lead_id, name, amount, stage, expected_close_on, opened_at, closed_at, won_reason,"
                + " lost_reason, crm_source, crm_object, crm_record_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, customer, SalesDb.NULL_UUID, deal.name(), deal.amount(), stage, SalesDb.orNull(deal.expectedCloseOn().orElse(null), SalesDb.NULL_DATE),
                openedAt, SalesDb.orNull(closedAt, SalesDb.NULL_TIME), SalesDb.orNull(deal.wonReason().orElse(null), SalesDb.NULL_TEXT),
                SalesDb.orNull(deal.lostReason().orElse(null), SalesDb.NULL_TEXT), activity.source(), activity.object(), activity.recordId(), now, now);
        history(id, stage, closedAt != null ? closedAt : openedAt, activity.source());
    }

    private void change(SalesDb.Row row, CrmActivity activity, CrmDeal deal, UUID customer, Instant now) {
        UUID id = row.uuid("id");
        String before = row.text("stage");
        String stage = deal.stageAfter(before);
        Instant openedAt = deal.openedAt().orElse(row.instant("opened_at"));
        Instant closedAt = closedAt(deal, stage, openedAt, stage.equals(before) ? row.instant("closed_at") : null, activity);
        boolean same = customer.equals(row.uuid("customer_id")) && deal.name().equals(row.text("name"))
                && deal.amount().compareTo(row.decimal("amount")) == 0 && stage.equals(before)
                && Objects.equals(deal.expectedCloseOn().orElse(null), row.date("expected_close_on")) && openedAt.equals(row.instant("opened_at"))
                && Objects.equals(closedAt, row.instant("closed_at")) && Objects.equals(deal.wonReason().orElse(null), row.text("won_reason"))
                && Objects.equals(deal.lostReason().orElse(null), row.text("lost_reason")) && activity.object().equals(row.text("crm_object"));
        if (same) {
            return;
        }
        db.update("update sal_deal set customer_id = ?, name = ?, amount = ?, stage = ?, expected_close_on = ?, opened_at = ?, closed_at = ?,"
                + " won_reason = ?, lost_reason = ?, crm_object = ?, updated_at = ? where id = ?", customer, deal.name(), deal.amount(), stage,
                SalesDb.orNull(deal.expectedCloseOn().orElse(null), SalesDb.NULL_DATE), openedAt, SalesDb.orNull(closedAt, SalesDb.NULL_TIME),
                SalesDb.orNull(deal.wonReason().orElse(null), SalesDb.NULL_TEXT), SalesDb.orNull(deal.lostReason().orElse(null), SalesDb.NULL_TEXT),
                activity.object(), now, id);
        if (!stage.equals(before)) {
            history(id, stage, closedAt != null ? closedAt : activity.modifiedAt(), activity.source());
        }
    }

    /**
     * When a won or lost deal closed: the CRM's close time or date, else the time it already had in Kreis, else when
     * the CRM last modified the record; never before it was opened. {@code null} for an open deal.
     */
    private static Instant closedAt(CrmDeal deal, String stage, Instant openedAt, Instant kept, CrmActivity activity) {
        if (!DealResource.closed(stage)) {
            return null;
        }
        Instant at = deal.closedAt().orElse(kept != null ? kept : activity.modifiedAt());
        return at.isBefore(openedAt) ? openedAt : at;
    }

    private void history(UUID dealId, String stage, Instant at, String source) {
        long seq = db.one("select count(*) as n from sal_deal_stage where deal_id = ?", dealId).orElseThrow().number("n") + 1;
        db.update("insert into sal_deal_stage (id, deal_id, seq, stage, entered_at, changed_by) values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(),
                dealId, seq, stage, at, source);
    }

    /** Refuses a change through the API to a deal that came from a CRM: it is changed in the CRM and synced. */
    static void refuseChangeOfCrmDeal(SalesDb.Row deal) {
        String source = deal.text("crm_source");
        if (source != null) {
            throw ProblemException.conflict("deal " + deal.uuid("id") + " comes from the CRM connection " + source
                    + "; change it there, the next sync brings the change");
        }
    }
}
