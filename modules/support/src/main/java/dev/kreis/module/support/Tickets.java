package dev.kreis.module.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.customer.CustomerHolds;
import dev.kreis.spi.customer.CustomerLookup;
import dev.kreis.spi.feedback.FeedbackRequests;
import dev.kreis.spi.feedback.SurveyInvitation;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.RecordedTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Ticket work: opening, changing, contacts, responses and resolution, with their touchpoints, holds, SLA breach
 * notes and feedback invitations. Touchpoints, holds and invitations go to the id the customer has now (following
 * merges); a ticket of an erased customer can no longer be changed (409 {@code customer-erased}). Each public method is one transaction; a ticket being changed is locked
 * ({@code select ... for update}) so concurrent requests on one ticket queue instead of losing updates.
 * Thread-safe (stateless).
 */
@ApplicationScoped
public class Tickets {
    static final String MODULE = "support";
    static final String OPENED = "support.ticket_opened";
    static final String RESOLVED = "support.ticket_resolved";
    static final String RESOLVED_WITHIN_SLA = "support.ticket_resolved_within_sla";
    static final String SLA_BREACHED = "support.sla_breached";
    /** The earliest time a ticket may have been opened (imports of old tickets). */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private final SupportStore store;
    private final TouchpointSink touchpoints;
    private final CustomerLookup customers;
    private final CustomerHolds holds;
    private final FeedbackRequests feedback;

    Tickets(SupportStore store, TouchpointSink touchpoints, CustomerLookup customers, CustomerHolds holds, FeedbackRequests feedback) {
        this.store = store;
        this.touchpoints = touchpoints;
        this.customers = customers;
        this.holds = holds;
        this.feedback = feedback;
    }

    /** A ticket to open. {@code openedAt} empty means now. */
    record NewTicket(UUID customerId, String subject, String description, Channel channel, Priority priority, boolean proactive,
            Optional<Instant> openedAt) {
    }

    /** A change through PATCH; a {@code null} component is left as it is; {@code description} empty clears it. */
    record TicketChange(TicketStatus status, Priority priority, String subject, Optional<String> description, String note) {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional
    public TicketView open(NewTicket input, String actor) {
        Instant now = now();
        Instant openedAt = input.openedAt().orElse(now);
        if (openedAt.isAfter(now)) {
            throw ProblemException.invalid("openedAt", "must not be in the future");
        }
        if (openedAt.isBefore(EARLIEST)) {
            throw ProblemException.invalid("openedAt", "must not be before 1900-01-01");
        }
        UUID customerId = customers.current(input.customerId())
                .orElseThrow(() -> ProblemException.invalid("customerId", "no such customer (or the customer was erased)"));
        SlaPolicy policy = store.policy(input.priority());
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.customerId = customerId;
        t.subject = input.subject();
        t.description = input.description();
        t.channel = input.channel().wire();
        t.priority = input.priority();
        t.proactive = input.proactive();
        t.status = TicketStatus.OPEN;
        t.contacts = input.proactive() ? 0 : 1;
        t.openedAt = openedAt;
        t.firstResponseDueAt = policy.firstResponseDue(openedAt);
        t.resolutionDueAt = policy.resolutionDue(openedAt);
        t.createdAt = now;
        t.updatedAt = now;
        t.liveCustomerId = customerId;
        store.insert(t);
        store.addEvent(t, "status", null, TicketStatus.OPEN.wire(), openedAt, actor, null);
        Map<String, Object> payload = payload(t);
        payload.put("proactive", t.proactive);
        NewTouchpoint opened = NewTouchpoint.of("ticket-" + t.id + "-opened", customerId, OPENED, openedAt, payload)
                .onChannel(input.channel()).initiatedBy(t.proactive ? Initiator.COMPANY : Initiator.CUSTOMER);
        t.openedTouchpointId = touchpoints.record(MODULE, opened).touchpointId();
        syncHold(t);
        store.update(t);
        return TicketView.of(t, now);
    }

    public TicketView get(UUID id) {
        return TicketView.of(find(id, false), now());
    }

    @Transactional
    public TicketView change(UUID id, TicketChange change, String actor) {
        Instant now = now();
        Ticket t = find(id, true);
        if (change.priority() != null && change.priority() != t.priority) {
            if (!t.status.active()) {
                throw ProblemException.conflict("ticket " + id + " is " + t.status.wire() + "; reopen it (status open) before changing its priority");
            }
            SlaPolicy policy = store.policy(change.priority());
            store.addEvent(t, "priority", t.priority.wire(), change.priority().wire(), now, actor, null);
            t.priority = change.priority();
            t.firstResponseDueAt = policy.firstResponseDue(t.openedAt);
            t.resolutionDueAt = policy.resolutionDue(t.openedAt);
        }
        if (change.subject() != null) {
            t.subject = change.subject();
        }
        if (change.description() != null) {
            t.description = change.description().orElse(null);
        }
        if (change.status() != null && change.status() != t.status) {
            TicketStatus target = change.status();
            if (target == TicketStatus.RESOLVED) {
                throw ProblemException.invalid("status", "resolve a ticket with POST /api/v1/support/tickets/{id}/resolve (it needs a resolution note)");
            }
            if (!t.status.mayPatchTo(target)) {
                throw ProblemException.conflict("ticket " + id + " is " + t.status.wire() + " and cannot become " + target.wire());
            }
            if (target == TicketStatus.OPEN && !t.status.active()) {
                // reopen: the resolution no longer holds
                t.resolvedAt = null;
                t.resolutionSeconds = null;
                t.slaMet = null;
                t.closedAt = null;
                t.resolutionNote = null;
            } else if (target == TicketStatus.CLOSED) {
                t.closedAt = now;
            }
            store.addEvent(t, "status", t.status.wire(), target.wire(), now, actor, change.note());
            t.status = target;
        }
        noteBreaches(t, now);
        return saved(t, now);
    }

    /** One more contact from the customer about the ticket, at {@code at} (now if empty). */
    @Transactional
    public TicketView contact(UUID id, Optional<Instant> at, Optional<Channel> channel, String note, String actor) {
        Instant now = now();
        Ticket t = find(id, true);
        Instant when = at.orElse(now);
        checkTime("contactedAt", when, t, now);
        requireActive(t, "record a customer contact");
        t.contacts++;
        store.addEvent(t, "contact", null, channel.map(Channel::wire).orElse(null), when, actor, note);
        noteBreaches(t, when);
        return saved(t, now);
    }

    /** Places or lifts the campaign hold as the ticket now requires, stores the ticket and answers its view. */
    private TicketView saved(Ticket t, Instant now) {
        syncHold(t);
        t.updatedAt = now;
        store.update(t);
        return TicketView.of(t, now);
    }

    /** An agent's response at {@code at} (now if empty); the earliest response is the first response. */
    @Transactional
    public TicketView respond(UUID id, Optional<Instant> at, String note, String actor) {
        Instant now = now();
        Ticket t = find(id, true);
        Instant when = at.orElse(now);
        checkTime("respondedAt", when, t, now);
        requireActive(t, "record a response");
        t.responses++;
        if (t.firstRespondedAt == null || when.isBefore(t.firstRespondedAt)) {
            t.firstRespondedAt = when;
            t.firstResponseSeconds = Duration.between(t.openedAt, when).toSeconds();
        }
        store.addEvent(t, "response", null, null, when, actor, note);
        noteBreaches(t, when);
        return saved(t, now);
    }

    /**
     * Resolves the ticket at {@code at} (now if empty): records {@code support.ticket_resolved} (and
     * {@code support.ticket_resolved_within_sla} when within the resolution target), lifts the hold, and invites the
     * customer to CSAT and CES about the resolution.
     */
    @Transactional
    public TicketView resolve(UUID id, Optional<Instant> at, String note, String actor) {
        Instant now = now();
        Ticket t = find(id, true);
        Instant when = at.orElse(now);
        checkTime("resolvedAt", when, t, now);
        if (t.firstRespondedAt != null && when.isBefore(t.firstRespondedAt)) {
            throw ProblemException.invalid("resolvedAt", "must not be before the first response (" + t.firstRespondedAt + ")");
        }
        requireActive(t, "resolve it");
        if (t.firstRespondedAt == null) {
            // the resolution is the first answer the customer gets
            t.firstRespondedAt = when;
            t.firstResponseSeconds = Duration.between(t.openedAt, when).toSeconds();
        }
        store.addEvent(t, "status", t.status.wire(), TicketStatus.RESOLVED.wire(), when, actor, note);
        t.status = TicketStatus.RESOLVED;
        t.resolutions++;
        t.resolvedAt = when;
        t.resolutionSeconds = Duration.between(t.openedAt, when).toSeconds();
        t.resolutionNote = note;
        t.closedAt = null;
        t.slaMet = Sla.met(t.firstResponseDueAt, t.resolutionDueAt, t.firstRespondedAt, when);
        boolean withinResolutionTarget = !when.isAfter(t.resolutionDueAt);
        noteBreaches(t, when);

        Map<String, Object> payload = payload(t);
        payload.put("contacts", t.contacts);
        payload.put("withinSla", withinResolutionTarget);
        payload.put("slaMet", t.slaMet);
        Channel channel = Channel.fromWire(t.channel).orElse(Channel.OTHER);
        List<TicketView.FeedbackLink> links = new ArrayList<>();
        t.resolvedTouchpointId = null;
        t.csatInvitationId = null;
        t.cesInvitationId = null;
        if (t.liveCustomerId != null) {
            RecordedTouchpoint resolved = touchpoints.record(MODULE, NewTouchpoint.of("ticket-" + t.id + "-resolved-" + t.resolutions,
                    t.liveCustomerId, RESOLVED, when, payload).onChannel(channel));
            t.resolvedTouchpointId = resolved.touchpointId();
            if (withinResolutionTarget) {
                touchpoints.record(MODULE, NewTouchpoint.of("ticket-" + t.id + "-resolved-within-sla-" + t.resolutions, t.liveCustomerId,
                        RESOLVED_WITHIN_SLA, when, payload(t)).onChannel(channel));
            }
            Optional<SurveyInvitation> csat = feedback.invite("csat", t.liveCustomerId, resolved.touchpointId(), MODULE);
            Optional<SurveyInvitation> ces = feedback.invite("ces", t.liveCustomerId, resolved.touchpointId(), MODULE);
            t.csatInvitationId = csat.map(SurveyInvitation::invitationId).orElse(null);
            t.cesInvitationId = ces.map(SurveyInvitation::invitationId).orElse(null);
            csat.ifPresent(i -> links.add(link(i)));
            ces.ifPresent(i -> links.add(link(i)));
        }
        syncHold(t);
        t.updatedAt = now;
        store.update(t);
        return TicketView.of(t, now, links);
    }

    private static TicketView.FeedbackLink link(SurveyInvitation invitation) {
        return new TicketView.FeedbackLink(invitation.kind(), invitation.invitationId(), invitation.token(), invitation.expiresAt(),
                "/public/v1/responses/" + invitation.token(), "/answer/" + invitation.token());
    }

    /** Holds customers of active high-priority tickets again (after the module was enabled). */
    void placeAllHolds() {
        for (Ticket t : store.holding()) {
            customers.current(t.customerId)
                    .ifPresent(live -> holds.place(live, CustomerHolds.CAMPAIGNS, MODULE, t.id.toString(), t.holdReason()));
        }
    }

    /**
     * Records {@code support.sla_breached} once per ticket and target when the target is missed by {@code at}, the
     * time of the write (the explicit time of an imported contact, response or resolution, else now): a ticket's
     * history is judged as of the moment each step happened.
     * The touchpoint is dated at the due time: that is when the promise was broken.
     */
    void noteBreaches(Ticket t, Instant at) {
        Channel channel = Channel.fromWire(t.channel).orElse(Channel.OTHER);
        if (!t.firstResponseBreachNoted && t.firstResponseBreached(at)) {
            t.firstResponseBreachNoted = true;
            breach(t, "first_response", t.firstResponseDueAt, channel);
        }
        if (!t.resolutionBreachNoted && t.resolutionBreached(at)) {
            t.resolutionBreachNoted = true;
            breach(t, "resolution", t.resolutionDueAt, channel);
        }
    }

    private void breach(Ticket t, String target, Instant dueAt, Channel channel) {
        if (t.liveCustomerId == null) {
            return;
        }
        Map<String, Object> payload = payload(t);
        payload.put("target", target);
        payload.put("dueAt", dueAt.toString());
        touchpoints.record(MODULE, NewTouchpoint.of("ticket-" + t.id + "-breach-" + target, t.liveCustomerId, SLA_BREACHED, dueAt, payload)
                .onChannel(channel));
    }

    /** Places or lifts the ticket's campaign hold so it matches the ticket: held exactly while active and high or urgent. */
    void syncHold(Ticket t) {
        if (t.holdsCampaigns() && t.liveCustomerId != null) {
            holds.place(t.liveCustomerId, CustomerHolds.CAMPAIGNS, MODULE, t.id.toString(), t.holdReason());
        } else {
            holds.lift(CustomerHolds.CAMPAIGNS, MODULE, t.id.toString());
        }
    }

    private Ticket find(UUID id, boolean lock) {
        Ticket t = store.find(id, lock).orElseThrow(() -> ProblemException.notFound("ticket " + id));
        if (lock) {
            customers.refuseIfErased(t.customerId, "id");
            if (t.crmSource != null) {
                throw ProblemException.conflict("ticket " + id + " comes from the CRM connection " + t.crmSource
                        + "; work it there, the next sync brings the change");
            }
            t.liveCustomerId = customers.current(t.customerId).orElse(null);
        }
        return t;
    }

    private static void requireActive(Ticket t, String what) {
        if (!t.status.active()) {
            throw ProblemException.conflict("ticket " + t.id + " is " + t.status.wire() + "; reopen it (PATCH status open) to " + what);
        }
    }

    private static void checkTime(String field, Instant when, Ticket t, Instant now) {
        if (when.isAfter(now)) {
            throw ProblemException.invalid(field, "must not be in the future");
        }
        if (when.isBefore(t.openedAt)) {
            throw ProblemException.invalid(field, "must not be before the ticket was opened (" + t.openedAt + ")");
        }
    }

    static Map<String, Object> payload(Ticket t) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ticketId", t.id.toString());
        payload.put("priority", t.priority.wire());
        return payload;
    }

}
