package dev.kreis.module.sales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.spi.privacy.PersonalDataContributor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sales module's part of a customer's export and erasure. Export: every lead, deal (with stage history),
 * order and subscription (with its events) stored under the customer id. Erasure: a lead's e-mail, phone,
 * names and company become null (the lead is marked erased); deal names and won/lost reasons and
 * cancellation reasons, free texts that may name the person, become "[erased]"; a deal synced from a CRM loses its CRM
 * record id (it points at the person's record there; source and object stay). Amounts, stages, statuses and
 * times stay, so the sales KPIs and the revenue figures do not change. Data kept by an uninstall (keep) is exported
 * and erased like any other; before the module was ever installed it has no tables and answers nothing. Thread-safe.
 */
@ApplicationScoped
public class SalesPersonalData implements PersonalDataContributor {
    static final String ERASED = "[erased]";

    @Inject
    SalesDb db;

    @Override
    public String id() {
        return SalesModule.ID;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        if (!db.tablesExist()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> leads = rows("select * from sal_lead where customer_id = ? order by created_at", customerId);
        List<Map<String, Object>> deals = rows("select * from sal_deal where customer_id = ? order by created_at", customerId);
        for (Map<String, Object> deal : deals) {
            deal.put("history", rows("select stage, entered_at, changed_by from sal_deal_stage where deal_id = ? order by seq", deal.get("id")));
        }
        List<Map<String, Object>> orders = rows("select * from sal_order where customer_id = ? order by ordered_at", customerId);
        List<Map<String, Object>> subscriptions = rows("select * from sal_subscription where customer_id = ? order by created_at", customerId);
        for (Map<String, Object> subscription : subscriptions) {
            subscription.put("events", rows("select kind, mrr, occurred_at, reason from sal_subscription_event where subscription_id = ? order by seq",
                    subscription.get("id")));
        }
        if (leads.isEmpty() && deals.isEmpty() && orders.isEmpty() && subscriptions.isEmpty()) {
            return Map.of();
        }
        out.put("leads", leads);
        out.put("deals", deals);
        out.put("orders", orders);
        out.put("subscriptions", subscriptions);
        return out;
    }

    /** Rows as JSON-friendly maps: camelCase keys, ids and times as strings. */
    private List<Map<String, Object>> rows(String sql, Object param) {
        Object bound = param instanceof String text ? UUID.fromString(text) : param;
        List<Map<String, Object>> out = new ArrayList<>();
        for (SalesDb.Row row : db.query(sql, bound)) {
            Map<String, Object> item = new LinkedHashMap<>();
            row.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                Object value = entry.getValue();
                item.put(camel(entry.getKey()), value == null || value instanceof Number || value instanceof Boolean ? value : value.toString());
            });
            out.add(item);
        }
        return out;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    @Override
    public void erase(UUID customerId) {
        if (!db.tablesExist()) {
            return;
        }
        db.update("update sal_lead set email = null, phone = null, first_name = null, last_name = null, company = null, erased = true"
                + " where customer_id = ?", customerId);
        db.update("update sal_deal set name = ?, crm_record_id = null where customer_id = ?", ERASED, customerId);
        db.update("update sal_deal set won_reason = ? where customer_id = ? and won_reason is not null", ERASED, customerId);
        db.update("update sal_deal set lost_reason = ? where customer_id = ? and lost_reason is not null", ERASED, customerId);
        db.update("update sal_subscription set cancel_reason = ? where customer_id = ? and cancel_reason is not null", ERASED, customerId);
        db.update("update sal_subscription_event set reason = ? where reason is not null and subscription_id in"
                + " (select id from sal_subscription where customer_id = ?)", ERASED, customerId);
    }
}
