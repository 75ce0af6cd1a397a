package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.kreis.spi.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.customer.CustomerLookup;
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointSink;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
    private static final Set<String> CREATE_FIELDS = Set.of("customerId", "leadId", "name", "amount", "stage", "expectedCloseOn", "openedAt",
            "closedAt", "wonReason", "lostReason");
    private static final Set<String> CHANGE_FIELDS = Set.of("name", "amount", "stage", "expectedCloseOn", "closedAt", "wonReason", "lostReason");

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
    @APIResponse(responseCode = "201", description = "Opened: the deal with its stage history.")
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response create(JsonNode body) {
        Instant now = Instant.now();
        Input in = Input.of(body, CREATE_FIELDS);
        Optional<UUID> customerId = in.uuid("customerId");
        Optional<UUID> leadId = in.uuid("leadId");
        String name = in.requiredText("name", 200);
        BigDecimal amount = null;
        if (!in.has("amount") || in.isNull("amount")) {
            in.fail("amount", "is required");
        } else {
            amount = in.amount("amount", false).orElse(null);
        }
        String stage = in.choice("stage", STAGES).orElse("prospecting");
        Optional<LocalDate> expectedCloseOn = in.date("expectedCloseOn");
        Instant openedAt = in.instant("openedAt", now).orElse(now);
        Optional<Instant> closedAt = in.instant("closedAt", now);
        Optional<String> wonReason = in.text("wonReason", 500);
        Optional<String> lostReason = in.text("lostReason", 500);
        if (customerId.isEmpty() && leadId.isEmpty() && !in.failed("customerId") && !in.failed("leadId")) {
            in.fail("customerId", "customerId or leadId is required");
        }
        Instant closedTime = closed(stage) ? closedAt.orElse(now.isBefore(openedAt) ? openedAt : now) : null;
        checkClosing(in, stage, closedAt, wonReason, lostReason, openedAt, closedTime);
        in.check();
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
        return Response.status(201).entity(view(load(id), true)).build();
    }

    /** The rules for closing fields, shared by create and change. */
    private static void checkClosing(Input in, String stage, Optional<Instant> closedAt, Optional<String> wonReason, Optional<String> lostReason,
            Instant openedAt, Instant closedTime) {
        if (closedAt.isPresent() && !closed(stage)) {
            in.fail("closedAt", "may only be given when the stage becomes won or lost");
        }
        if (closedTime != null && closedTime.isBefore(openedAt)) {
            in.fail("closedAt", "must not lie before the deal was opened (" + openedAt + ")");
        }
        if (wonReason.isPresent() && !stage.equals("won")) {
            in.fail("wonReason", "may only be given when the stage is won");
        }
        if (lostReason.isPresent() && !stage.equals("lost")) {
            in.fail("lostReason", "may only be given when the stage is lost");
        }
        if (stage.equals("lost") && lostReason.isEmpty() && !in.failed("lostReason")) {
            in.fail("lostReason", "is required when the deal is lost");
        }
    }

    @GET
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "listDeals", summary = "Deals, newest first, by stage and customer", description = "Filters: stage, customerId. Pages with limit and nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of deals.")
    public Map<String, Object> list(@QueryParam("stage") String stage, @QueryParam("customerId") String customerId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Map<String, Object> equals = new java.util.LinkedHashMap<>();
        equals.put("stage", Pages.optionalChoice("stage", stage, STAGES));
        equals.put("customer_id", Pages.optionalId("customerId", customerId));
        return db.newestFirst("sal_deal", equals, limit, cursor, row -> view(row, false));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "getDeal", summary = "One deal with its stage history", description = "The deal, its customer (after merges) and every stage it went through.")
    @APIResponse(responseCode = "200", description = "The deal.")
    public Map<String, Object> get(@PathParam("id") String id) {
        return view(load(Pages.id("id", id)), true);
    }

    @GET
    @Path("/{id}/history")
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "listDealHistory", summary = "A deal's stage history, oldest first", description = "Every stage the deal entered, when and by whom.")
    @APIResponse(responseCode = "200", description = "The history (one page, nextCursor null).")
    public Map<String, Object> history(@PathParam("id") String id) {
        UUID dealId = Pages.id("id", id);
        load(dealId);
        return Pages.page(historyOf(dealId), null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "changeDeal", summary = "Change a deal: name, amount, stage, expected close date, closing", description = "Won and lost are final: "
            + "changing a closed deal answers 409. Moving to won or lost closes the deal at closedAt (default now); lostReason is "
            + "required when lost. Every stage change is kept in the history.")
    @APIResponse(responseCode = "200", description = "The changed deal.")
    @APIResponse(responseCode = "409", description = "The deal is won or lost (final), or its customer was erased.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Map<String, Object> change(@PathParam("id") String id, JsonNode body) {
        UUID dealId = Pages.id("id", id);
        SalesDb.Row row = load(dealId);
        customers.refuseIfErased(row.uuid("customer_id"), "id");
        Instant now = Instant.now();
        Input in = Input.of(body, CHANGE_FIELDS);
        Optional<String> name = in.text("name", 200);
        if (in.isNull("name")) {
            in.fail("name", "must not be null");
        }
        Optional<BigDecimal> amount = in.amount("amount", false);
        if (in.isNull("amount")) {
            in.fail("amount", "must not be null");
        }
        Optional<String> newStage = in.choice("stage", STAGES);
        if (in.isNull("stage")) {
            in.fail("stage", "must be one of " + STAGES);
        }
        Optional<LocalDate> expectedCloseOn = in.date("expectedCloseOn");
        Optional<Instant> closedAt = in.instant("closedAt", now);
        Optional<String> wonReason = in.text("wonReason", 500);
        Optional<String> lostReason = in.text("lostReason", 500);
        String before = row.text("stage");
        if (closed(before)) {
            in.check();
            throw ProblemException.conflict("deal " + dealId + " is " + before + "; a closed deal cannot change");
        }
        String stage = newStage.orElse(before);
        Instant openedAt = row.instant("opened_at");
        Instant closedTime = closed(stage) ? closedAt.orElse(now.isBefore(openedAt) ? openedAt : now) : null;
        checkClosing(in, stage, closedAt, wonReason, lostReason, openedAt, closedTime);
        in.check();
        BigDecimal newAmount = amount.orElse(row.decimal("amount"));
        LocalDate expected = in.has("expectedCloseOn") ? expectedCloseOn.orElse(null) : row.date("expected_close_on");
        db.update("update sal_deal set name = ?, amount = ?, stage = ?, expected_close_on = ?, closed_at = ?, won_reason = ?, lost_reason = ?,"
                + " updated_at = ? where id = ?", name.orElse(row.text("name")), newAmount, stage, SalesDb.orNull(expected, SalesDb.NULL_DATE),
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

    private List<Map<String, Object>> historyOf(UUID dealId) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (SalesDb.Row row : db.query("select * from sal_deal_stage where deal_id = ? order by seq", dealId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("stage", row.text("stage"));
            item.put("enteredAt", row.instant("entered_at").toString());
            item.put("changedBy", row.text("changed_by"));
            items.add(item);
        }
        return items;
    }

    private SalesDb.Row load(UUID id) {
        return db.one("select * from sal_deal where id = ?", id).orElseThrow(() -> ProblemException.notFound("deal " + id));
    }

    private Map<String, Object> view(SalesDb.Row row, boolean withHistory) {
        Map<String, Object> view = new LinkedHashMap<>();
        UUID id = row.uuid("id");
        view.put("id", id.toString());
        UUID customer = customers.current(row.uuid("customer_id")).orElse(null);
        view.put("customerId", customer == null ? null : customer.toString());
        view.put("leadId", row.uuid("lead_id") == null ? null : row.uuid("lead_id").toString());
        view.put("name", row.text("name"));
        view.put("amount", row.decimal("amount"));
        view.put("stage", row.text("stage"));
        view.put("expectedCloseOn", row.date("expected_close_on") == null ? null : row.date("expected_close_on").toString());
        view.put("openedAt", row.instant("opened_at").toString());
        view.put("closedAt", row.instant("closed_at") == null ? null : row.instant("closed_at").toString());
        view.put("wonReason", row.text("won_reason"));
        view.put("lostReason", row.text("lost_reason"));
        view.put("createdAt", row.instant("created_at").toString());
        view.put("updatedAt", row.instant("updated_at").toString());
        if (withHistory) {
            view.put("history", historyOf(id));
        }
        return view;
    }
}
