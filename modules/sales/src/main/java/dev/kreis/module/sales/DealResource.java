package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointSink;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
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

/** {@code /api/v1/sales/deals}: deals through the pipeline stages; won and lost are final. */
@APIResponse(responseCode = "400", description = "Malformed: an id that is not a UUID, a bad query parameter, a body that is not a JSON object.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "401", description = "No valid credentials.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "403", description = "The caller's roles do not grant this permission.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "404", description = "Not found, or the sales module is not installed (the problem's detail says which).", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@Path("/api/v1/sales/deals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales")
public class DealResource {
    static final List<String> STAGES = List.of("prospecting", "qualification", "proposal", "negotiation", "won", "lost");
    private static final String ID = "The deal's id.";

    @Inject
    SalesDb db;

    @Inject
    CustomerLookup customers;

    @Inject
    TouchpointSink touchpoints;

    @Inject
    SecurityIdentity caller;

    static boolean closed(String stage) {
        return stage.equals("won") || stage.equals("lost");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "createDeal", summary = "Open a deal", description = "For a customer (customerId) or a lead (leadId, which becomes converted). "
            + "openedAt defaults to now; a deal may be recorded already won or lost (closedAt defaults to now; lostReason is required "
            + "when lost). Records sales.deal_created, and sales.deal_won or sales.deal_lost for a closed deal.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesRequests.CreateDeal.class),
            examples = @ExampleObject(name = "deal", value = SalesDocs.CREATE_DEAL_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Opened: the deal with its stage history; Location names it.",
            headers = @Header(name = "Location", description = "The deal's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesViews.Deal.class),
                    examples = @ExampleObject(name = "deal", value = SalesDocs.DEAL_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response create(@Valid SalesRequests.CreateDeal body) {
        Instant now = Instant.now();
        if (body == null) {
            throw ProblemException.missingBody();
        }
        Optional<UUID> customerId = Optional.ofNullable(body.customerId());
        Optional<UUID> leadId = Optional.ofNullable(body.leadId());
        String name = body.name();
        BigDecimal amount = body.amount();
        String stage = body.stage() == null ? "prospecting" : body.stage();
        Optional<LocalDate> expectedCloseOn = Optional.ofNullable(body.expectedCloseOn());
        SalesRequests.Rules rules = new SalesRequests.Rules();
        rules.date("expectedCloseOn", body.expectedCloseOn());
        rules.past("openedAt", body.openedAt(), now);
        rules.past("closedAt", body.closedAt(), now);
        Instant openedAt = body.openedAt() == null || rules.failed("openedAt") ? now : body.openedAt();
        Optional<Instant> closedAt = Optional.ofNullable(rules.failed("closedAt") ? null : body.closedAt());
        Optional<String> wonReason = Optional.ofNullable(body.wonReason());
        Optional<String> lostReason = Optional.ofNullable(body.lostReason());
        if (customerId.isEmpty() && leadId.isEmpty()) {
            rules.fail("customerId", "customerId or leadId is required");
        }
        Instant closedTime = closed(stage) ? closedAt.orElse(now.isBefore(openedAt) ? openedAt : now) : null;
        checkClosing(rules::fail, rules::failed, stage, closedAt, wonReason, lostReason, openedAt, closedTime);
        rules.check();
        // who the deal is with
        UUID customer = null;
        SalesDb.Row lead = null;
        if (leadId.isPresent()) {
            lead = db.one("select * from sal_lead where id = ?", leadId.get()).orElse(null);
            if (lead == null) {
                throw ProblemException.invalid("leadId", "no lead " + leadId.get());
            }
            customer = lead.uuid("customer_id") == null ? null : customers.current(lead.uuid("customer_id")).orElse(null);
            if (customer == null) {
                throw ProblemException.invalid("leadId", "the lead has no customer record (erased)");
            }
        }
        if (customerId.isPresent()) {
            UUID current = customers.current(customerId.get()).orElseThrow(() -> ProblemException.invalid("customerId", "no customer " + customerId.get()));
            if (customer != null && !customer.equals(current)) {
                throw ProblemException.invalid("leadId", "the lead belongs to another customer than customerId");
            }
            customer = current;
        }
        UUID id = UUID.randomUUID();
        db.update("insert into sal_deal (id, customer_id, lead_id, name, amount, stage, expected_close_on, opened_at, closed_at, won_reason,"
                + " lost_reason, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, customer,
                SalesDb.orNull(leadId.orElse(null), SalesDb.NULL_UUID), name, amount, stage,
                SalesDb.orNull(expectedCloseOn.orElse(null), SalesDb.NULL_DATE), openedAt, SalesDb.orNull(closedTime, SalesDb.NULL_TIME),
                SalesDb.orNull(wonReason.orElse(null), SalesDb.NULL_TEXT), SalesDb.orNull(lostReason.orElse(null), SalesDb.NULL_TEXT), now, now);
        history(id, stage, closedTime != null ? closedTime : openedAt);
        if (lead != null && !lead.text("status").equals("converted")) {
            db.update("update sal_lead set status = 'converted', updated_at = ? where id = ?", now, lead.uuid("id"));
        }
        touchpoints.record(SalesModule.ID, NewTouchpoint.of("deal-" + id + "-created", customer, SalesModule.DEAL_CREATED, openedAt,
                payload(id, amount, stage)));
        if (closedTime != null) {
            recordClosing(id, customer, stage, amount, closedTime);
        }
        return Response.created(URI.create("/api/v1/sales/deals/" + id)).entity(view(load(id), true)).build();
    }

    /** The rules for closing fields, shared by create and change. */
    private static void checkClosing(java.util.function.BiConsumer<String, String> fail, java.util.function.Predicate<String> failed, String stage,
            Optional<Instant> closedAt, Optional<String> wonReason, Optional<String> lostReason, Instant openedAt, Instant closedTime) {
        if (closedAt.isPresent() && !closed(stage)) {
            fail.accept("closedAt", "may only be given when the stage becomes won or lost");
        }
        if (closedTime != null && closedTime.isBefore(openedAt)) {
            fail.accept("closedAt", "must not lie before the deal was opened (" + openedAt + ")");
        }
        if (wonReason.isPresent() && !stage.equals("won")) {
            fail.accept("wonReason", "may only be given when the stage is won");
        }
        if (lostReason.isPresent() && !stage.equals("lost")) {
            fail.accept("lostReason", "may only be given when the stage is lost");
        }
        if (stage.equals("lost") && lostReason.isEmpty() && !failed.test("lostReason")) {
            fail.accept("lostReason", "is required when the deal is lost");
        }
    }

    @GET
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "listDeals", summary = "Deals, newest first, by stage and customer", description = "Filters: stage, customerId. Pages with limit and nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of deals.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.DealPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + SalesDocs.DEAL_EXAMPLE + "], \"nextCursor\": null}")))
    public SalesViews.DealPage list(
            @Parameter(description = "Only deals in this stage.", schema = @Schema(enumeration = { "prospecting", "qualification", "proposal",
                    "negotiation", "won", "lost" })) @QueryParam("stage") String stage,
            @Parameter(description = SalesDocs.CUSTOMER_FILTER, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("customerId") String customerId,
            @Parameter(description = SalesDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = SalesDocs.CURSOR) @QueryParam("cursor") String cursor) {
        Map<String, Object> equals = new java.util.LinkedHashMap<>();
        equals.put("stage", Pages.optionalChoice("stage", stage, STAGES));
        equals.put("customer_id", Pages.optionalId("customerId", customerId));
        SalesDb.Slice<SalesViews.Deal> slice = db.newestFirst("sal_deal", equals, limit, cursor, row -> view(row, false));
        return new SalesViews.DealPage(slice.items(), slice.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "getDeal", summary = "One deal with its stage history", description = "The deal, its customer (after merges) and every stage it went through.")
    @APIResponse(responseCode = "200", description = "The deal.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.Deal.class), examples = @ExampleObject(name = "deal", value = SalesDocs.DEAL_EXAMPLE)))
    public SalesViews.Deal get(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return view(load(Pages.id("id", id)), true);
    }

    @GET
    @Path("/{id}/history")
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "listDealHistory", summary = "A deal's stage history, oldest first", description = "Every stage the deal entered, when and by whom.")
    @APIResponse(responseCode = "200", description = "The history (one page, nextCursor null).", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesViews.DealStagePage.class),
            examples = @ExampleObject(name = "history", value = SalesDocs.STAGES_EXAMPLE)))
    public SalesViews.DealStagePage history(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        UUID dealId = Pages.id("id", id);
        load(dealId);
        return new SalesViews.DealStagePage(historyOf(dealId), null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "changeDeal", summary = "Change a deal: name, amount, stage, expected close date, closing", description = "Won and lost are final: "
            + "changing a closed deal answers 409. Moving to won or lost closes the deal at closedAt (default now); lostReason is "
            + "required when lost. Every stage change is kept in the history.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesRequests.ChangeDeal.class),
            examples = @ExampleObject(name = "won", value = "{\"stage\": \"won\", \"wonReason\": \"Best price\"}")))
    @APIResponse(responseCode = "200", description = "The changed deal.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.Deal.class), examples = @ExampleObject(name = "deal", value = SalesDocs.DEAL_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The deal is won or lost (final), comes from a CRM (change it there), or its customer was erased.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public SalesViews.Deal change(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid SalesRequests.ChangeDeal body) {
        UUID dealId = Pages.id("id", id);
        SalesDb.Row row = load(dealId);
        if (body == null) {
            throw ProblemException.missingBody();
        }
        customers.refuseIfErased(row.uuid("customer_id"), "id");
        CrmDeals.refuseChangeOfCrmDeal(row);
        Instant now = Instant.now();
        SalesRequests.Rules rules = new SalesRequests.Rules();
        LocalDate expected = SalesRequests.apply(body.expectedCloseOn(), row.date("expected_close_on"));
        rules.date("expectedCloseOn", expected);
        rules.past("closedAt", body.closedAt(), now);
        Optional<Instant> closedAt = Optional.ofNullable(rules.failed("closedAt") ? null : body.closedAt());
        Optional<String> wonReason = Optional.ofNullable(body.wonReason());
        Optional<String> lostReason = Optional.ofNullable(body.lostReason());
        String before = row.text("stage");
        if (closed(before)) {
            rules.check();
            throw ProblemException.conflict("deal " + dealId + " is " + before + "; a closed deal cannot change");
        }
        String stage = SalesRequests.apply(body.stage(), before);
        Instant openedAt = row.instant("opened_at");
        Instant closedTime = closed(stage) ? closedAt.orElse(now.isBefore(openedAt) ? openedAt : now) : null;
        checkClosing(rules::fail, rules::failed, stage, closedAt, wonReason, lostReason, openedAt, closedTime);
        rules.check();
        String name = SalesRequests.apply(body.name(), row.text("name"));
        BigDecimal newAmount = SalesRequests.apply(body.amount(), row.decimal("amount"));
        db.update("update sal_deal set name = ?, amount = ?, stage = ?, expected_close_on = ?, closed_at = ?, won_reason = ?, lost_reason = ?,"
                + " updated_at = ? where id = ?", name, newAmount, stage, SalesDb.orNull(expected, SalesDb.NULL_DATE),
                SalesDb.orNull(closedTime, SalesDb.NULL_TIME), SalesDb.orNull(wonReason.orElse(null), SalesDb.NULL_TEXT),
                SalesDb.orNull(lostReason.orElse(null), SalesDb.NULL_TEXT), now, dealId);
        if (!stage.equals(before)) {
            history(dealId, stage, closedTime != null ? closedTime : now);
        }
        if (closedTime != null) {
            UUID customer = customers.current(row.uuid("customer_id")).orElse(null);
            if (customer == null) {
                throw ProblemException.conflict("the deal's customer was erased; the deal cannot be closed");
            }
            recordClosing(dealId, customer, stage, newAmount, closedTime);
        }
        return view(load(dealId), true);
    }

    private void recordClosing(UUID id, UUID customer, String stage, BigDecimal amount, Instant closedAt) {
        touchpoints.record(SalesModule.ID, NewTouchpoint.of("deal-" + id + "-" + stage, customer,
                stage.equals("won") ? SalesModule.DEAL_WON : SalesModule.DEAL_LOST, closedAt, payload(id, amount, stage)));
    }

    private static Map<String, Object> payload(UUID id, BigDecimal amount, String stage) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("dealId", id.toString());
        payload.put("amount", amount);
        payload.put("stage", stage);
        return payload;
    }

    private void history(UUID dealId, String stage, Instant at) {
        long seq = db.one("select count(*) as n from sal_deal_stage where deal_id = ?", dealId).orElseThrow().number("n") + 1;
        String by = caller == null || caller.isAnonymous() ? null : caller.getPrincipal().getName();
        db.update("insert into sal_deal_stage (id, deal_id, seq, stage, entered_at, changed_by) values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(),
                dealId, seq, stage, at, SalesDb.orNull(by, SalesDb.NULL_TEXT));
    }

    private List<SalesViews.DealStage> historyOf(UUID dealId) {
        return db.query("select * from sal_deal_stage where deal_id = ? order by seq", dealId).stream().map(SalesViews.DealStage::of).toList();
    }

    private SalesDb.Row load(UUID id) {
        return db.one("select * from sal_deal where id = ?", id).orElseThrow(() -> ProblemException.notFound("deal " + id));
    }

    private SalesViews.Deal view(SalesDb.Row row, boolean withHistory) {
        UUID id = row.uuid("id");
        return new SalesViews.Deal(id, customers.current(row.uuid("customer_id")).orElse(null), row.uuid("lead_id"), row.text("name"),
                row.decimal("amount"), row.text("stage"), row.date("expected_close_on"), row.instant("opened_at"), row.instant("closed_at"),
                row.text("won_reason"), row.text("lost_reason"), SalesViews.DealCrmOrigin.of(row), row.instant("created_at"),
                row.instant("updated_at"), withHistory ? historyOf(id) : null);
    }
}
