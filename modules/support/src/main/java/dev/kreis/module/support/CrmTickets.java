package dev.kreis.module.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.kreis.spi.connector.CrmActivity;
import dev.kreis.spi.connector.CrmActivityReceiver;
import dev.kreis.spi.customer.CustomerLookup;
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * HubSpot tickets and Salesforce cases become support tickets, upserted on {@code (source, recordId)} (the ticket's
 * {@code crm_source}, {@code crm_record_id}). A new record opens a ticket under the SLA policy of its priority; a
 * closed one is resolved at its close time (the resolution is its first response when none was recorded, as for
 * any ticket), a reopened one is open again; subject, priority (new due times) and customer follow the CRM. Status
 * and priority changes enter the ticket's history, by the connection's source. SLA breaches are noted and campaign
 * holds placed or lifted as for any ticket; {@code support.ticket_resolved_within_sla} is recorded, but not
 * {@code support.ticket_opened}/{@code ticket_resolved}: the sync engine already stored those for the record. No
 * CSAT/CES invitation is sent: the customer dealt with the CRM's help desk. The API refuses to work such a ticket
 * (409). A ticket of an erased customer is left as it is. Thread-safe (stateless).
 */
@ApplicationScoped
public class CrmTickets implements CrmActivityReceiver {
    private final SupportStore store;
    private final Tickets tickets;
    private final CustomerLookup customers;
    private final TouchpointSink touchpoints;

    CrmTickets(SupportStore store, Tickets tickets, CustomerLookup customers, TouchpointSink touchpoints) {
        this.store = store;
        this.tickets = tickets;
        this.customers = customers;
        this.touchpoints = touchpoints;
    }

    @Override
    public String module() {
        return Tickets.MODULE;
    }

    @Override
    @Transactional
    public void receive(CrmActivity activity) {
        if (activity.kind() != CrmActivity.Kind.TICKET) {
            return;
        }
        UUID customer = customers.current(activity.customerId()).orElse(null);
        if (customer == null) {
            return;
        }
        CrmTicket crm = CrmTicket.of(activity);
        Instant now = Tickets.now();
        Ticket t = store.findFromCrm(activity.source(), activity.recordId()).orElse(null);
        if (t == null) {
            open(activity, crm, customer, now);
        } else if (customers.current(t.customerId).isPresent()) {
            change(t, activity, crm, customer, now);
        }
    }

    private void open(CrmActivity activity, CrmTicket crm, UUID customer, Instant now) {
        Instant openedAt = clamp(crm.openedAt().orElse(activity.modifiedAt()), Tickets.EARLIEST, now);
        SlaPolicy policy = store.policy(crm.priority());
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.customerId = customer;
        t.liveCustomerId = customer;
        t.subject = crm.subject();
        t.channel = crm.channel().wire();
        t.priority = crm.priority();
        t.status = TicketStatus.OPEN;
        t.contacts = 1;
        t.openedAt = openedAt;
        t.firstResponseDueAt = policy.firstResponseDue(openedAt);
        t.resolutionDueAt = policy.resolutionDue(openedAt);
        t.crmSource = activity.source();
        t.crmObject = activity.object();
        t.crmRecordId = activity.recordId();
        t.createdAt = now;
        t.updatedAt = now;
        store.insert(t);
        store.addEvent(t, "status", null, TicketStatus.OPEN.wire(), openedAt, activity.source(), null);
        if (crm.closed()) {
            resolve(t, crm, activity.source(), now);
        }
        tickets.noteBreaches(t, now);
        tickets.syncHold(t);
        store.update(t);
    }

    private void change(Ticket t, CrmActivity activity, CrmTicket crm, UUID customer, Instant now) {
        t.liveCustomerId = customer;
        boolean changed = !customer.equals(t.customerId) || !crm.subject().equals(t.subject) || !activity.object().equals(t.crmObject);
        t.customerId = customer;
        t.subject = crm.subject();
        t.crmObject = activity.object();
        if (crm.openedAt().isPresent() && !clamp(crm.openedAt().get(), Tickets.EARLIEST, now).equals(t.openedAt)) {
            t.openedAt = clamp(crm.openedAt().get(), Tickets.EARLIEST, now);
            SlaPolicy policy = store.policy(t.priority);
            t.firstResponseDueAt = policy.firstResponseDue(t.openedAt);
            t.resolutionDueAt = policy.resolutionDue(t.openedAt);
            changed = true;
        }
        if (crm.priority() != t.priority) {
            SlaPolicy policy = store.policy(crm.priority());
            store.addEvent(t, "priority", t.priority.wire(), crm.priority().wire(), activity.modifiedAt(), activity.source(), null);
            t.priority = crm.priority();
            t.firstResponseDueAt = policy.firstResponseDue(t.openedAt);
            t.resolutionDueAt = policy.resolutionDue(t.openedAt);
            if (t.resolvedAt != null) {
                t.slaMet = Sla.met(t.firstResponseDueAt, t.resolutionDueAt, t.firstRespondedAt, t.resolvedAt);
            }
            changed = true;
        }
        if (crm.closed() && t.status.active()) {
            resolve(t, crm, activity.source(), now);
            changed = true;
        } else if (!crm.closed() && !t.status.active()) {
            store.addEvent(t, "status", t.status.wire(), TicketStatus.OPEN.wire(), clamp(activity.modifiedAt(), t.openedAt, now),
                    activity.source(), null);
            t.status = TicketStatus.OPEN;
            t.resolvedAt = null;
            t.resolutionSeconds = null;
            t.slaMet = null;
            t.closedAt = null;
            t.resolutionNote = null;
            changed = true;
        }
        boolean firstNoted = t.firstResponseBreachNoted;
        boolean resolutionNoted = t.resolutionBreachNoted;
        tickets.noteBreaches(t, now);
        changed |= firstNoted != t.firstResponseBreachNoted || resolutionNoted != t.resolutionBreachNoted;
        if (changed) {
            tickets.syncHold(t);
            t.updatedAt = now;
            store.update(t);
        }
    }

    /** Resolves the ticket when the CRM closed it, like {@link Tickets#resolve} but without the touchpoint the sync engine stored. */
    private void resolve(Ticket t, CrmTicket crm, String source, Instant now) {
        Instant when = clamp(crm.closedAt(), t.openedAt, now);
        if (t.firstRespondedAt == null || t.firstRespondedAt.isAfter(when)) {
            t.firstRespondedAt = when;
            t.firstResponseSeconds = Duration.between(t.openedAt, when).toSeconds();
        }
        store.addEvent(t, "status", t.status.wire(), TicketStatus.RESOLVED.wire(), when, source, null);
        t.status = TicketStatus.RESOLVED;
        t.resolutions++;
        t.resolvedAt = when;
        t.resolutionSeconds = Duration.between(t.openedAt, when).toSeconds();
        t.closedAt = null;
        t.slaMet = Sla.met(t.firstResponseDueAt, t.resolutionDueAt, t.firstRespondedAt, when);
        if (!when.isAfter(t.resolutionDueAt)) {
            touchpoints.record(Tickets.MODULE, NewTouchpoint.of("ticket-" + t.id + "-resolved-within-sla-" + t.resolutions, t.liveCustomerId,
                    Tickets.RESOLVED_WITHIN_SLA, when, Tickets.payload(t)).onChannel(crm.channel()));
        }
    }

    private static Instant clamp(Instant at, Instant earliest, Instant latest) {
        Objects.requireNonNull(at);
        return at.isBefore(earliest) ? earliest : at.isAfter(latest) ? latest : at;
    }
}
