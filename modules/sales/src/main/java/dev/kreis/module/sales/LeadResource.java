package dev.kreis.module.sales;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import dev.kreis.spi.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.customer.CustomerLookup;
import dev.kreis.spi.customer.ProfileInput;
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointReader;
import dev.kreis.spi.touchpoint.TouchpointSink;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

/** {@code /api/v1/sales/leads}: leads join the unified customer and are prioritised by recent web visits. */
@APIResponse(responseCode = "400", description = "Malformed: an id that is not a UUID, a bad query parameter, a body that is not a JSON object.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "401", description = "No valid credentials.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "403", description = "The caller's roles do not grant this permission.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "404", description = "Not found, or the sales module is not installed (the problem's detail says which).", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@Path("/api/v1/sales/leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales", description = "Leads, deals, orders and subscriptions (module sales)")
public class LeadResource {
    static final List<String> STATUSES = List.of("new", "qualified", "converted", "disqualified");
    static final List<String> PRIORITIES = List.of("high", "medium", "low");
    private static final String ID = "The lead's id.";

    @Inject
    SalesDb db;

    @Inject
    CustomerLookup customers;

    @Inject
    TouchpointSink touchpoints;

    @Inject
    TouchpointReader reader;

    @Inject
    SalesSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "createLead", summary = "Record a lead", description = "email and/or phone is required. The lead is submitted as a profile "
            + "(source sales) through identity resolution, so it joins the customer with the same e-mail or phone, and a "
            + "sales.lead_created touchpoint is recorded.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesRequests.CreateLead.class),
            examples = @ExampleObject(name = "lead", value = SalesDocs.CREATE_LEAD_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded: the lead with its priority; Location names it.",
            headers = @Header(name = "Location", description = "The lead's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesViews.Lead.class),
                    examples = @ExampleObject(name = "lead", value = SalesDocs.LEAD_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response create(@Valid SalesRequests.CreateLead body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        if (body.email() == null && body.phone() == null) {
            throw ProblemException.invalid("email", "email or phone is required");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        UUID customerId = customers.submit(profile(id, body.email(), body.phone(), body.firstName(), body.lastName(), body.company()));
        db.update("insert into sal_lead (id, customer_id, email, phone, first_name, last_name, company, source, status, erased, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)", id, customerId, text(body.email()), text(body.phone()),
                text(body.firstName()), text(body.lastName()), text(body.company()), text(body.source()),
                body.status() == null ? "new" : body.status(), now, now);
        Map<String, Object> payload = new HashMap<>();
        payload.put("leadId", id.toString());
        if (body.source() != null) {
            payload.put("source", body.source());
        }
        touchpoints.record(SalesModule.ID, NewTouchpoint.of("lead-" + id + "-created", customerId, SalesModule.LEAD_CREATED, now, payload));
        return Response.created(URI.create("/api/v1/sales/leads/" + id)).entity(view(load(id), now)).build();
    }

    @GET
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "listLeads", summary = "Leads, highest priority first, then newest", description = "Priority is computed now from the "
            + "marketing.web_visit touchpoints of each lead's customer in the last priorityWindowDays days.")
    @APIResponse(responseCode = "200", description = "One page of leads.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.LeadPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + SalesDocs.LEAD_EXAMPLE + "], \"nextCursor\": null}")))
    public SalesViews.LeadPage list(
            @Parameter(description = "Only leads in this status.", schema = @Schema(enumeration = { "new", "qualified", "converted", "disqualified" }))
            @QueryParam("status") String status,
            @Parameter(description = "Only leads of this priority (computed now).", schema = @Schema(enumeration = { "high", "medium", "low" }))
            @QueryParam("priority") String priority,
            @Parameter(description = SalesDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = SalesDocs.CURSOR) @QueryParam("cursor") String cursor) {
        String wantedStatus = Pages.optionalChoice("status", status, STATUSES);
        String wantedPriority = Pages.optionalChoice("priority", priority, PRIORITIES);
        int size = Pages.limit(limit);
        Pages.Position after = Pages.decode(cursor);
        Instant now = Instant.now();
        List<SalesDb.Row> rows = wantedStatus == null ? db.query("select * from sal_lead")
                : db.query("select * from sal_lead where status = ?", wantedStatus);
        LeadPriorities priorities = new LeadPriorities(reader, settings.priority());
        record Ranked(SalesDb.Row row, UUID customerId, PriorityRule.Priority priority) {
            Instant created() {
                return row.instant("created_at");
            }

            UUID id() {
                return row.uuid("id");
            }
        }
        List<Ranked> ranked = new ArrayList<>();
        for (SalesDb.Row row : rows) {
            UUID customer = currentCustomer(row);
            PriorityRule.Priority p = priorities.of(customer, now);
            if (wantedPriority == null || p.level().equals(wantedPriority)) {
                ranked.add(new Ranked(row, customer, p));
            }
        }
        Comparator<Ranked> order = Comparator.<Ranked>comparingInt(r -> r.priority().rank()).reversed()
                .thenComparing(Ranked::created, Comparator.reverseOrder()).thenComparing(Ranked::id, Comparator.reverseOrder());
        ranked.sort(order);
        List<SalesViews.Lead> items = new ArrayList<>();
        Ranked last = null;
        boolean more = false;
        for (Ranked r : ranked) {
            if (after != null && !isAfter(r.priority().rank(), r.created(), r.id(), after)) {
                continue;
            }
            if (items.size() == size) {
                more = true;
                break;
            }
            items.add(view(r.row(), r.customerId(), r.priority()));
            last = r;
        }
        return new SalesViews.LeadPage(items, more ? Pages.encode(last.priority().rank(), last.created(), last.id()) : null);
    }

    /** Whether an item sorts after the cursor position (rank descending, then time descending, then id descending). */
    private static boolean isAfter(int rank, Instant created, UUID id, Pages.Position position) {
        if (rank != position.rank()) {
            return rank < position.rank();
        }
        if (!created.equals(position.time())) {
            return created.isBefore(position.time());
        }
        return id.compareTo(position.id()) < 0;
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "getLead", summary = "One lead with its current priority and the reason", description = "Priority is computed now from the configured rules; reason says which rule applied.")
    @APIResponse(responseCode = "200", description = "The lead.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.Lead.class), examples = @ExampleObject(name = "lead", value = SalesDocs.LEAD_EXAMPLE)))
    public SalesViews.Lead get(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return view(load(Pages.id("id", id)), Instant.now());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "changeLead", summary = "Change a lead's contact data, source or status", description = "null clears a field; email or phone "
            + "must remain. A converted lead keeps its status (409). Changed contact data is submitted again as the lead's profile.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesRequests.ChangeLead.class),
            examples = @ExampleObject(name = "qualify", value = "{\"status\": \"qualified\", \"company\": \"Acme GmbH\"}")))
    @APIResponse(responseCode = "200", description = "The changed lead.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.Lead.class), examples = @ExampleObject(name = "lead", value = SalesDocs.LEAD_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The lead was erased, or is converted and its status cannot change.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public SalesViews.Lead change(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid SalesRequests.ChangeLead body) {
        UUID leadId = Pages.id("id", id);
        SalesDb.Row row = load(leadId);
        if (body == null) {
            throw ProblemException.missingBody();
        }
        if (row.bool("erased")) {
            throw ProblemException.conflict("lead " + leadId + " was erased and cannot be changed");
        }
        String email = SalesRequests.apply(body.email(), row.text("email"));
        String phone = SalesRequests.apply(body.phone(), row.text("phone"));
        if (email == null && phone == null) {
            throw ProblemException.invalid(body.email() != null ? "email" : "phone", "email or phone is required");
        }
        String status = SalesRequests.apply(body.status(), row.text("status"));
        if (row.text("status").equals("converted") && !status.equals("converted")) {
            throw ProblemException.conflict("lead " + leadId + " is converted; its status cannot change");
        }
        String firstName = SalesRequests.apply(body.firstName(), row.text("first_name"));
        String lastName = SalesRequests.apply(body.lastName(), row.text("last_name"));
        String company = SalesRequests.apply(body.company(), row.text("company"));
        String source = SalesRequests.apply(body.source(), row.text("source"));
        UUID customerId = row.uuid("customer_id");
        if (body.changesProfile()) {
            customerId = customers.submit(profile(leadId, email, phone, firstName, lastName, company));
        }
        Instant now = Instant.now();
        db.update("update sal_lead set customer_id = ?, email = ?, phone = ?, first_name = ?, last_name = ?, company = ?, source = ?,"
                + " status = ?, updated_at = ? where id = ?", SalesDb.orNull(customerId, SalesDb.NULL_UUID), SalesDb.orNull(email, SalesDb.NULL_TEXT),
                SalesDb.orNull(phone, SalesDb.NULL_TEXT), SalesDb.orNull(firstName, SalesDb.NULL_TEXT), SalesDb.orNull(lastName, SalesDb.NULL_TEXT),
                SalesDb.orNull(company, SalesDb.NULL_TEXT), SalesDb.orNull(source, SalesDb.NULL_TEXT), status, now, leadId);
        return view(load(leadId), now);
    }

    private static ProfileInput profile(UUID leadId, String email, String phone, String firstName, String lastName, String company) {
        Map<String, String> attributes = new HashMap<>();
        if (firstName != null) {
            attributes.put("firstName", firstName);
        }
        if (lastName != null) {
            attributes.put("lastName", lastName);
        }
        if (company != null) {
            attributes.put("company", company);
        }
        return new ProfileInput(SalesModule.ID, leadId.toString(), Optional.ofNullable(email), Optional.ofNullable(phone), attributes);
    }

    private static Object text(String value) {
        return SalesDb.orNull(value, SalesDb.NULL_TEXT);
    }

    SalesDb.Row load(UUID id) {
        return db.one("select * from sal_lead where id = ?", id).orElseThrow(() -> ProblemException.notFound("lead " + id));
    }

    /** The id the lead's customer has now (after merges); null if it has none or it was erased. */
    UUID currentCustomer(SalesDb.Row row) {
        UUID stored = row.uuid("customer_id");
        return stored == null ? null : customers.current(stored).orElse(null);
    }

    private SalesViews.Lead view(SalesDb.Row row, Instant now) {
        UUID customer = currentCustomer(row);
        return view(row, customer, new LeadPriorities(reader, settings.priority()).of(customer, now));
    }

    static SalesViews.Lead view(SalesDb.Row row, UUID customerId, PriorityRule.Priority priority) {
        return SalesViews.Lead.of(row, customerId, priority);
    }
}
