package dev.kreis.module.support;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.touchpoint.Channel;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Support tickets: {@code /api/v1/support/tickets}. */
@Path("/api/v1/support/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Support", description = "Tickets, SLA policies and breach detection (support module)")
public class TicketResource {
    static final String READ = "support:read";
    static final String WRITE = "support:write";
    static final int MAX_SUBJECT = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_NOTE = 5_000;
    static final String CHANNELS = String.join(", ", java.util.Arrays.stream(Channel.values()).map(Channel::wire).toList());

    private final Tickets tickets;
    private final SupportStore store;
    private final SecurityIdentity caller;

    TicketResource(Tickets tickets, SupportStore store, SecurityIdentity caller) {
        this.tickets = tickets;
        this.store = store;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(summary = "Open a ticket", description = "Records support.ticket_opened (initiator company when proactive); high and urgent "
            + "tickets hold the customer out of marketing campaigns while open or pending. openedAt (optional, not in the future) imports "
            + "an older ticket; SLA targets are taken from the priority's policy now.")
    public Response open(JsonNode json) {
        Body body = Body.of(json, false)
                .only(Set.of("customerId", "subject", "description", "channel", "priority", "proactive", "openedAt"));
        Optional<UUID> customerId = body.uuid("customerId", true);
        Optional<String> subject = body.text("subject", true, 1, MAX_SUBJECT);
        Optional<String> description = body.text("description", false, 0, MAX_DESCRIPTION);
        Optional<Channel> channel = body.wire("channel", true, Channel::fromWire, CHANNELS);
        Optional<Priority> priority = body.wire("priority", false, Priority::fromWire, Priority.ALLOWED);
        Optional<Boolean> proactive = body.bool("proactive");
        Optional<Instant> openedAt = body.time("openedAt");
        body.check();
        TicketView view = tickets.open(new Tickets.NewTicket(customerId.get(), subject.get(), description.orElse(null), channel.get(),
                priority.orElse(Priority.NORMAL), proactive.orElse(false), openedAt), actor());
        return Response.created(URI.create("/api/v1/support/tickets/" + view.id())).entity(view).build();
    }

    @GET
    @PermissionsAllowed(READ)
    @Operation(summary = "Tickets, newest first", description = "Filters: status, priority, customerId, breached (true: a target is missed "
            + "by now; false: none is).")
    public Pages.Page<TicketView> list(@QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("customerId") String customerId, @QueryParam("breached") String breached, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        TicketStatus wantedStatus = query("status", status, TicketStatus::fromWire, TicketStatus.ALLOWED);
        Priority wantedPriority = query("priority", priority, Priority::fromWire, Priority.ALLOWED);
        UUID customer = customerId == null || customerId.isBlank() ? null : uuid("customerId", customerId);
        Boolean wantedBreached = query("breached", breached, v -> v.equals("true") ? Optional.of(true) : v.equals("false") ? Optional.of(false)
                : Optional.empty(), "true, false");
        int size = Pages.limit(limit);
        Pages.TicketPosition after = Pages.ticketPosition(cursor);
        Instant afterOpenedAt = after == null ? null : after.openedAt();
        UUID afterId = after == null ? null : after.id();
        Instant now = Tickets.now();
        List<Ticket> rows = store.list(new SupportStore.TicketFilter(wantedStatus, wantedPriority, customer, wantedBreached), now, afterOpenedAt,
                afterId, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Ticket last = rows.get(size - 1);
            next = Pages.encode(last.openedAt.toString(), last.id.toString());
        }
        return new Pages.Page<>(rows.stream().map(t -> TicketView.of(t, now)).toList(), next);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(READ)
    @Operation(summary = "One ticket, with its SLA state computed against now")
    public TicketView get(@PathParam("id") String id) {
        return tickets.get(uuid("id", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(summary = "Change a ticket's status, priority, subject or description", description = "status: open (also reopens a "
            + "resolved or closed ticket), pending, closed; resolving goes through POST .../resolve. A priority change recomputes the SLA "
            + "targets from the opening time and is only allowed while the ticket is open or pending. note (optional) goes into the history.")
    public TicketView change(@PathParam("id") String id, JsonNode json) {
        UUID ticketId = uuid("id", id);
        Body body = Body.of(json, false).only(Set.of("status", "priority", "subject", "description", "note"));
        TicketStatus status = body.wire("status", false, TicketStatus::fromWire, TicketStatus.ALLOWED).orElse(null);
        Priority priority = body.wire("priority", false, Priority::fromWire, Priority.ALLOWED).orElse(null);
        String subject = null;
        if (body.present("subject")) {
            subject = body.text("subject", true, 1, MAX_SUBJECT).orElse(null);
        }
        Optional<String> description = null;
        if (body.present("description")) {
            description = body.text("description", false, 0, MAX_DESCRIPTION);
        }
        String note = body.text("note", false, 0, MAX_NOTE).orElse(null);
        if (!body.present("status") && !body.present("priority") && !body.present("subject") && !body.present("description")) {
            body.fail("body", "names nothing to change: status, priority, subject or description");
        }
        body.check();
        return tickets.change(ticketId, new Tickets.TicketChange(status, priority, subject, description, note), actor());
    }

    @GET
    @Path("/{id}/history")
    @PermissionsAllowed(READ)
    @Operation(summary = "The ticket's history, oldest first", description = "Entries: status (from, to), priority (from, to), contact (to: the "
            + "channel, if given), response; each with its time, who recorded it and an optional note.")
    public Pages.Page<HistoryEntry> history(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        UUID ticketId = uuid("id", id);
        int size = Pages.limit(limit);
        long after = Pages.sequence(cursor);
        if (store.find(ticketId, false).isEmpty()) {
            throw ProblemException.notFound("ticket " + ticketId);
        }
        List<SupportStore.Event> events = new ArrayList<>(store.events(ticketId, after, size + 1));
        String next = null;
        if (events.size() > size) {
            events = events.subList(0, size);
            next = Pages.encode(Long.toString(events.get(size - 1).seq()));
        }
        return new Pages.Page<>(events.stream().map(HistoryEntry::of).toList(), next);
    }

    /** One history entry. */
    public record HistoryEntry(long seq, String kind, String from, String to, Instant at, String actor, String note) {
        static HistoryEntry of(SupportStore.Event e) {
            return new HistoryEntry(e.seq(), e.kind(), e.from(), e.to(), e.at(), e.actor(), e.note());
        }
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(summary = "Record one more contact from the customer about the ticket", description = "Body (optional): contactedAt (default "
            + "now; not before opening, not in the future), channel, note. The ticket must be open or pending.")
    public TicketView contact(@PathParam("id") String id, JsonNode json) {
        UUID ticketId = uuid("id", id);
        Body body = Body.of(json, true).only(Set.of("contactedAt", "channel", "note"));
        Optional<Instant> at = body.time("contactedAt");
        Optional<Channel> channel = body.wire("channel", false, Channel::fromWire, CHANNELS);
        String note = body.text("note", false, 0, MAX_NOTE).orElse(null);
        body.check();
        return tickets.contact(ticketId, at, channel, note, actor());
    }

    @POST
    @Path("/{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(summary = "Record an agent's response", description = "Body (optional): respondedAt (default now; not before opening, not in "
            + "the future), note. The earliest response sets firstRespondedAt. A missed target is recorded as support.sla_breached.")
    public TicketView respond(@PathParam("id") String id, JsonNode json) {
        UUID ticketId = uuid("id", id);
        Body body = Body.of(json, true).only(Set.of("respondedAt", "note"));
        Optional<Instant> at = body.time("respondedAt");
        String note = body.text("note", false, 0, MAX_NOTE).orElse(null);
        body.check();
        return tickets.respond(ticketId, at, note, actor());
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(summary = "Resolve the ticket and invite the customer to CSAT and CES", description = "Body: resolution (1 to 5000 characters), "
            + "resolvedAt (optional; not before opening or the first response, not in the future). Records support.ticket_resolved, and "
            + "support.ticket_resolved_within_sla when within the resolution target; lifts the campaign hold. feedback lists the invitations "
            + "with their tokens, shown only in this answer (empty when no CSAT or CES survey exists).")
    public TicketView resolve(@PathParam("id") String id, JsonNode json) {
        UUID ticketId = uuid("id", id);
        Body body = Body.of(json, false).only(Set.of("resolution", "resolvedAt"));
        Optional<String> resolution = body.text("resolution", true, 1, MAX_NOTE);
        Optional<Instant> at = body.time("resolvedAt");
        body.check();
        return tickets.resolve(ticketId, at, resolution.get(), actor());
    }

    private String actor() {
        return caller == null || caller.isAnonymous() ? null : caller.getPrincipal().getName();
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed(name, "must be a UUID");
        }
    }

    static <T> T query(String name, String value, java.util.function.Function<String, Optional<T>> parser, String allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parser.apply(value.strip()).orElseThrow(() -> ProblemException.malformed(name, "must be one of " + allowed));
    }
}
