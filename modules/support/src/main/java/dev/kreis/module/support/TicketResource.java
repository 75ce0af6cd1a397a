package dev.kreis.module.support;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.spi.api.ApiDocs;
import dev.kreis.spi.api.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
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

/**
 * Support tickets: {@code /api/v1/support/tickets}. Every operation may answer 400 (a malformed id or parameter), 401, 403
 * and 404 (an unknown ticket, or the support module is not installed); the class declares those once.
 */
@Path("/api/v1/support/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Support", description = "Tickets, SLA policies and breach detection (support module)")
@APIResponse(responseCode = "400", description = SupportDocs.MALFORMED, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "401", description = SupportDocs.UNAUTHENTICATED, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "403", description = SupportDocs.FORBIDDEN, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "404", description = SupportDocs.NOT_FOUND, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
public class TicketResource {
    static final String READ = "support:read";
    static final String WRITE = "support:write";
    static final int MAX_SUBJECT = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_NOTE = 5_000;

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
    @Operation(operationId = "createTicket", summary = "Open a ticket", description = "Records support.ticket_opened (initiator company "
            + "when proactive); high and urgent tickets hold the customer out of marketing campaigns while open or pending. openedAt "
            + "(optional, not in the future) imports an older ticket; SLA targets are taken from the priority's policy now.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketRequests.Open.class), examples = @ExampleObject(name = "ticket", value = SupportDocs.OPEN_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Opened; Location names the new ticket.",
            headers = @Header(name = "Location", description = "The ticket's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class),
                    examples = @ExampleObject(name = "ticket", value = SupportDocs.TICKET_EXAMPLE)))
    @APIResponse(responseCode = "422", description = SupportDocs.INVALID, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response open(@Valid TicketRequests.Open body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        TicketView view = tickets.open(new Tickets.NewTicket(body.customerId(), body.subject(), body.description(), body.channel(),
                body.priority() == null ? Priority.NORMAL : body.priority(), Boolean.TRUE.equals(body.proactive()),
                Optional.ofNullable(body.openedAt())), actor());
        return Response.created(URI.create("/api/v1/support/tickets/" + view.id())).entity(view).build();
    }

    @GET
    @PermissionsAllowed(READ)
    @Operation(operationId = "listTickets", summary = "Tickets, newest first", description = "Filters: status, priority, customerId, "
            + "breached (true: a target is missed by now; false: none is). Pages with limit and nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of tickets.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketPage.class), examples = @ExampleObject(name = "page", value = SupportDocs.PAGE_EXAMPLE)))
    public TicketPage list(
            @Parameter(description = "Only tickets in this status.", schema = @Schema(enumeration = { "open", "pending", "resolved", "closed" }))
            @QueryParam("status") String status,
            @Parameter(description = "Only tickets of this priority.", schema = @Schema(enumeration = { "low", "normal", "high", "urgent" }))
            @QueryParam("priority") String priority,
            @Parameter(description = "Only tickets of this customer.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("customerId") String customerId,
            @Parameter(description = "true: only tickets that missed a target by now; false: only those that did not.",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("breached") String breached,
            @Parameter(description = SupportDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = SupportDocs.CURSOR) @QueryParam("cursor") String cursor) {
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
        return new TicketPage(rows.stream().map(t -> TicketView.of(t, now)).toList(), next);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(READ)
    @Operation(operationId = "getTicket", summary = "One ticket", description = "With its SLA state computed against now.")
    @APIResponse(responseCode = "200", description = "The ticket.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketView.class), examples = @ExampleObject(name = "ticket", value = SupportDocs.TICKET_EXAMPLE)))
    public TicketView get(@Parameter(description = SupportDocs.TICKET_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return tickets.get(uuid("id", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "changeTicket", summary = "Change a ticket's status, priority, subject or description", description = "status: "
            + "open (also reopens a resolved or closed ticket), pending, closed; resolving goes through POST .../resolve. A priority change "
            + "recomputes the SLA targets from the opening time and is only allowed while the ticket is open or pending. note (optional) "
            + "goes into the history. Absent or null fields stay as they are.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketRequests.Change.class),
            examples = @ExampleObject(name = "pending", value = "{\"status\": \"pending\", \"note\": \"Waiting for the invoice copy\"}")))
    @APIResponse(responseCode = "200", description = "The changed ticket.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketView.class), examples = @ExampleObject(name = "ticket", value = SupportDocs.TICKET_EXAMPLE)))
    @APIResponse(responseCode = "409", description = SupportDocs.CONFLICT, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = SupportDocs.INVALID, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public TicketView change(@Parameter(description = SupportDocs.TICKET_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid TicketRequests.Change body) {
        UUID ticketId = uuid("id", id);
        if (body == null) {
            throw ProblemException.missingBody();
        }
        if (body.namesNothing()) {
            throw ProblemException.invalid("body", "names nothing to change: status, priority, subject or description");
        }
        Optional<String> description = body.description() == null ? null : Optional.of(body.description()).filter(d -> !d.isEmpty());
        return tickets.change(ticketId, new Tickets.TicketChange(body.status(), body.priority(), body.subject(), description, body.note()),
                actor());
    }

    @GET
    @Path("/{id}/history")
    @PermissionsAllowed(READ)
    @Operation(operationId = "listTicketHistory", summary = "The ticket's history, oldest first", description = "Entries: status (from, "
            + "to), priority (from, to), contact (to: the channel, if given), response; each with its time, who recorded it and an optional "
            + "note.")
    @APIResponse(responseCode = "200", description = "One page of history entries.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HistoryPage.class), examples = @ExampleObject(name = "history", value = SupportDocs.HISTORY_EXAMPLE)))
    public HistoryPage history(@Parameter(description = SupportDocs.TICKET_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = SupportDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = SupportDocs.CURSOR) @QueryParam("cursor") String cursor) {
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
        return new HistoryPage(events.stream().map(HistoryEntry::of).toList(), next);
    }

    /** One page of tickets. */
    @Schema(name = "TicketPage", description = "One page of tickets, newest first.")
    public record TicketPage(@Schema(required = true) List<TicketView> items,
            @Schema(required = true, nullable = true, description = SupportDocs.NEXT_CURSOR) String nextCursor) {
    }

    /** One page of a ticket's history. */
    @Schema(name = "TicketHistoryPage", description = "One page of a ticket's history, oldest first.")
    public record HistoryPage(@Schema(required = true) List<HistoryEntry> items,
            @Schema(required = true, nullable = true, description = SupportDocs.NEXT_CURSOR) String nextCursor) {
    }

    /** One history entry. */
    @Schema(name = "TicketHistoryEntry", description = "One entry of a ticket's history.")
    public record HistoryEntry(@Schema(required = true, description = "Position in the history, from 1.") long seq,
            @Schema(required = true, enumeration = { "status", "priority", "contact", "response" }) String kind,
            @Schema(required = true, nullable = true, description = "The value before (status and priority entries).") String from,
            @Schema(required = true, nullable = true, description = "The value after; for a contact the channel, if given.") String to,
            @Schema(required = true, format = "date-time") Instant at,
            @Schema(required = true, nullable = true, description = "Who recorded it (account or token name).") String actor,
            @Schema(required = true, nullable = true) String note) {
        static HistoryEntry of(SupportStore.Event e) {
            return new HistoryEntry(e.seq(), e.kind(), e.from(), e.to(), e.at(), e.actor(), e.note());
        }
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "recordTicketContact", summary = "Record one more contact from the customer about the ticket", description =
            "The body is optional: contactedAt (default now; not before opening, not in the future), channel, note. The ticket must be "
            + "open or pending.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketRequests.Contact.class),
            examples = @ExampleObject(name = "call", value = "{\"channel\": \"phone\", \"note\": \"Called again about the invoice\"}")))
    @APIResponse(responseCode = "200", description = "The ticket with the contact counted.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketView.class), examples = @ExampleObject(name = "ticket", value = SupportDocs.TICKET_EXAMPLE)))
    @APIResponse(responseCode = "409", description = SupportDocs.CONFLICT, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = SupportDocs.INVALID, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public TicketView contact(@Parameter(description = SupportDocs.TICKET_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid TicketRequests.Contact body) {
        UUID ticketId = uuid("id", id);
        TicketRequests.Contact contact = body == null ? TicketRequests.Contact.NONE : body;
        return tickets.contact(ticketId, Optional.ofNullable(contact.contactedAt()), Optional.ofNullable(contact.channel()), contact.note(),
                actor());
    }

    @POST
    @Path("/{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "recordTicketResponse", summary = "Record an agent's response", description = "The body is optional: "
            + "respondedAt (default now; not before opening, not in the future), note. The earliest response sets firstRespondedAt. A "
            + "missed target is recorded as support.sla_breached.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketRequests.Reply.class),
            examples = @ExampleObject(name = "reply", value = "{\"note\": \"Sent a corrected invoice\"}")))
    @APIResponse(responseCode = "200", description = "The ticket with the response counted.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketView.class), examples = @ExampleObject(name = "ticket", value = SupportDocs.TICKET_EXAMPLE)))
    @APIResponse(responseCode = "409", description = SupportDocs.CONFLICT, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = SupportDocs.INVALID, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public TicketView respond(@Parameter(description = SupportDocs.TICKET_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid TicketRequests.Reply body) {
        UUID ticketId = uuid("id", id);
        TicketRequests.Reply reply = body == null ? TicketRequests.Reply.NONE : body;
        return tickets.respond(ticketId, Optional.ofNullable(reply.respondedAt()), reply.note(), actor());
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "resolveTicket", summary = "Resolve the ticket and invite the customer to CSAT and CES", description = "Records "
            + "support.ticket_resolved, and support.ticket_resolved_within_sla when within the resolution target; lifts the campaign hold. "
            + "resolvedAt must not lie before opening or the first response, nor in the future. feedback lists the invitations with their "
            + "tokens, shown only in this answer (empty when no CSAT or CES survey exists).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketRequests.Resolve.class),
            examples = @ExampleObject(name = "resolved", value = "{\"resolution\": \"Corrected invoice sent\"}")))
    @APIResponse(responseCode = "200", description = "The resolved ticket with its feedback invitations.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class),
                    examples = @ExampleObject(name = "ticket", value = SupportDocs.TICKET_EXAMPLE)))
    @APIResponse(responseCode = "409", description = SupportDocs.CONFLICT, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = SupportDocs.INVALID, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public TicketView resolve(@Parameter(description = SupportDocs.TICKET_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid TicketRequests.Resolve body) {
        UUID ticketId = uuid("id", id);
        if (body == null) {
            throw ProblemException.missingBody();
        }
        return tickets.resolve(ticketId, Optional.ofNullable(body.resolvedAt()), body.resolution(), actor());
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
