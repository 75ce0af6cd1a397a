package dev.kreis.module.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.spi.customer.CustomerHolds;
import dev.kreis.spi.privacy.PersonalDataContributor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customer's tickets in their data export, and their erasure: subject, description, resolution note and history
 * notes become {@code [erased]}, and a ticket synced from a CRM loses its CRM record id; times, counts, priorities and SLA results stay, so the KPIs do not change.
 * Thread-safe (stateless).
 */
@ApplicationScoped
public class SupportPersonalData implements PersonalDataContributor {
    static final String ERASED = "[erased]";
    private static final int HISTORY_PAGE = 200;

    private final SupportStore store;
    private final CustomerHolds holds;

    SupportPersonalData(SupportStore store, CustomerHolds holds) {
        this.store = store;
        this.holds = holds;
    }

    @Override
    public String id() {
        return Tickets.MODULE;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        if (!store.installed()) {
            return Map.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Ticket t : store.ofCustomer(customerId)) {
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("id", t.id.toString());
            ticket.put("subject", t.subject);
            ticket.put("description", t.description);
            ticket.put("channel", t.channel);
            ticket.put("priority", t.priority.wire());
            ticket.put("proactive", t.proactive);
            ticket.put("status", t.status.wire());
            ticket.put("contacts", t.contacts);
            ticket.put("openedAt", t.openedAt.toString());
            ticket.put("firstRespondedAt", t.firstRespondedAt == null ? null : t.firstRespondedAt.toString());
            ticket.put("resolvedAt", t.resolvedAt == null ? null : t.resolvedAt.toString());
            ticket.put("closedAt", t.closedAt == null ? null : t.closedAt.toString());
            ticket.put("resolutionNote", t.resolutionNote);
            ticket.put("crmSource", t.crmSource);
            ticket.put("crmObject", t.crmObject);
            ticket.put("crmRecordId", t.crmRecordId);
            List<Map<String, Object>> history = new ArrayList<>();
            long after = 0;
            List<SupportStore.Event> page;
            do {
                page = store.events(t.id, after, HISTORY_PAGE);
                for (SupportStore.Event e : page) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("kind", e.kind());
                    entry.put("from", e.from());
                    entry.put("to", e.to());
                    entry.put("at", e.at().toString());
                    entry.put("note", e.note());
                    history.add(entry);
                    after = e.seq();
                }
            } while (page.size() == HISTORY_PAGE);
            ticket.put("history", history);
            out.add(ticket);
        }
        return out.isEmpty() ? Map.of() : Map.of("tickets", out);
    }

    @Override
    public void erase(UUID customerId) {
        if (!store.installed()) {
            return;
        }
        for (Ticket t : store.ofCustomer(customerId)) {
            // the hold's reason quotes the subject
            holds.lift(CustomerHolds.CAMPAIGNS, Tickets.MODULE, t.id.toString());
        }
        store.erase(customerId, ERASED);
    }
}
