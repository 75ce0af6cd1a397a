package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/sales/subscriptions}: starts, MRR changes and cancellations, each a core revenue touchpoint whose
 * amount is the customer's monthly recurring revenue after the event, so NRR, GRR, churn and CLV come from the core.
 */
@APIResponse(responseCode = "400", description = "Malformed: an id that is not a UUID, a bad query parameter, a body that is not a JSON object.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "401", description = "No valid credentials.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "403", description = "The caller's roles do not grant this permission.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "404", description = "Not found, or the sales module is not installed (the problem's detail says which).", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@Path("/api/v1/sales/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales")
public class SubscriptionResource {
    static final String STARTED = "revenue.subscription_started";
    static final String CHANGED = "revenue.subscription_changed";
    static final String CANCELLED = "revenue.subscription_cancelled";
    static final List<String> STATUSES = List.of("active", "cancelled");
    private static final Set<String> CREATE_FIELDS = Set.of("customerId", "mrr", "startedAt", "plan");
    private static final Set<String> CHANGE_FIELDS = Set.of("mrr", "at");
    private static final Set<String> CANCEL_FIELDS = Set.of("at", "reason");

    @Inject
    SalesDb db;

    @Inject
    CustomerLookup customers;

    @Inject
    TouchpointSink touchpoints;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "createSubscription", summary = "Start a subscription", description = "mrr > 0. Records revenue.subscription_started with the customer's "
            + "MRR after the start (this subscription plus their other active ones).")
    @APIResponse(responseCode = "201", description = "Started: the subscription with its history.")
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response create(JsonNode body) {
        Instant now = Instant.now();
        Input in = Input.of(body, CREATE_FIELDS);
        UUID customerId = in.required("customerId", in.uuid("customerId"));
        BigDecimal mrr = in.required("mrr", in.amount("mrr", true));
        Instant startedAt = in.required("startedAt", in.instant("startedAt", now));
        String plan = in.text("plan", 100).orElse(null);
        in.check();
        UUID customer = customers.current(customerId).orElseThrow(() -> ProblemException.invalid("customerId", "no customer " + customerId));
        UUID id = UUID.randomUUID();
        db.update("insert into sal_subscription (id, customer_id, plan, mrr, status, started_at, created_at, updated_at)"
                + " values (?, ?, ?, ?, 'active', ?, ?, ?)", id, customer, SalesDb.orNull(plan, SalesDb.NULL_TEXT), mrr, startedAt, now, now);
        UUID event = event(id, 1, "started", mrr, startedAt, null, now);
        record(event, id, customer, STARTED, otherMrr(customer, id, startedAt).add(mrr), startedAt);
        return Response.status(201).entity(view(load(id), true)).build();
    }

    @POST
    @Path("/{id}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "changeSubscription", summary = "Change a subscription's MRR (up- or downgrade)", description = "mrr > 0 is the subscription's MRR after "
            + "the change, at not before its last event. Records revenue.subscription_changed with the customer's MRR after it. "
            + "A cancelled subscription cannot change (409).")
    @APIResponse(responseCode = "200", description = "The changed subscription.")
    @APIResponse(responseCode = "409", description = "The subscription is cancelled, or its customer was erased.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Map<String, Object> change(@PathParam("id") String id, JsonNode body) {
        UUID subscriptionId = Pages.id("id", id);
        SalesDb.Row row = load(subscriptionId);
        customers.refuseIfErased(row.uuid("customer_id"), "id");
        Instant now = Instant.now();
        Input in = Input.of(body, CHANGE_FIELDS);
        BigDecimal mrr = in.required("mrr", in.amount("mrr", true));
        Instant at = in.required("at", in.instant("at", now));
        in.check();
        if (row.text("status").equals("cancelled")) {
            throw ProblemException.conflict("subscription " + subscriptionId + " is cancelled and cannot change");
        }
        SalesDb.Row last = lastEvent(subscriptionId);
        if (at.isBefore(last.instant("occurred_at"))) {
            throw ProblemException.invalid("at", "must not lie before the subscription's last event (" + last.instant("occurred_at") + ")");
        }
        UUID customer = customerOf(row);
        db.update("update sal_subscription set mrr = ?, updated_at = ? where id = ?", mrr, now, subscriptionId);
        UUID event = event(subscriptionId, last.number("seq") + 1, "changed", mrr, at, null, now);
        record(event, subscriptionId, customer, CHANGED, otherMrr(customer, subscriptionId, at).add(mrr), at);
        return view(load(subscriptionId), true);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "cancelSubscription", summary = "Cancel a subscription", description = "at not before its last event; reason optional. Records "
            + "revenue.subscription_cancelled (amount 0) — or, while the customer keeps other active subscriptions, "
            + "revenue.subscription_changed with their remaining MRR. Cancelling twice answers 409.")
    @APIResponse(responseCode = "200", description = "The cancelled subscription.")
    @APIResponse(responseCode = "409", description = "The subscription is already cancelled, or its customer was erased.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Map<String, Object> cancel(@PathParam("id") String id, JsonNode body) {
        UUID subscriptionId = Pages.id("id", id);
        SalesDb.Row row = load(subscriptionId);
        customers.refuseIfErased(row.uuid("customer_id"), "id");
        Instant now = Instant.now();
        Input in = Input.of(body, CANCEL_FIELDS);
        Instant at = in.required("at", in.instant("at", now));
        String reason = in.text("reason", 500).orElse(null);
        in.check();
        if (row.text("status").equals("cancelled")) {
            throw ProblemException.conflict("subscription " + subscriptionId + " is already cancelled");
        }
        SalesDb.Row last = lastEvent(subscriptionId);
        if (at.isBefore(last.instant("occurred_at"))) {
            throw ProblemException.invalid("at", "must not lie before the subscription's last event (" + last.instant("occurred_at") + ")");
        }
        UUID customer = customerOf(row);
        db.update("update sal_subscription set status = 'cancelled', cancelled_at = ?, cancel_reason = ?, updated_at = ? where id = ?", at,
                SalesDb.orNull(reason, SalesDb.NULL_TEXT), now, subscriptionId);
        UUID event = event(subscriptionId, last.number("seq") + 1, "cancelled", BigDecimal.ZERO, at, reason, now);
        BigDecimal remaining = otherMrr(customer, subscriptionId, at);
        record(event, subscriptionId, customer, remaining.signum() > 0 ? CHANGED : CANCELLED, remaining, at);
        return view(load(subscriptionId), true);
    }

    @GET
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "listSubscriptions", summary = "Subscriptions, newest first, by customer and status", description = "Filters: customerId, status. Pages with limit and nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions.")
    public Map<String, Object> list(@QueryParam("customerId") String customerId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Map<String, Object> equals = new java.util.LinkedHashMap<>();
        equals.put("customer_id", Pages.optionalId("customerId", customerId));
        equals.put("status", Pages.optionalChoice("status", status, STATUSES));
        return db.newestFirst("sal_subscription", equals, limit, cursor, row -> view(row, false));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "getSubscription", summary = "One subscription with its history of starts, changes and cancellation", description = "The subscription with its starts, MRR changes and cancellation, oldest first.")
    @APIResponse(responseCode = "200", description = "The subscription.")
    public Map<String, Object> get(@PathParam("id") String id) {
        return view(load(Pages.id("id", id)), true);
    }

    private UUID customerOf(SalesDb.Row row) {
        return customers.current(row.uuid("customer_id"))
                .orElseThrow(() -> ProblemException.conflict("the subscription's customer was erased; the subscription cannot change"));
    }

    /** MRR of the customer's other active subscriptions started at or before {@code at}. */
    private BigDecimal otherMrr(UUID customer, UUID except, Instant at) {
        BigDecimal total = BigDecimal.ZERO;
        for (SalesDb.Row row : db.query("select customer_id, mrr from sal_subscription where status = 'active' and id <> ? and started_at <= ?",
                except, at)) {
            UUID owner = row.uuid("customer_id");
            if (owner.equals(customer) || customers.current(owner).filter(customer::equals).isPresent()) {
                total = total.add(row.decimal("mrr"));
            }
        }
        return total;
    }

    private UUID event(UUID subscriptionId, long seq, String kind, BigDecimal mrr, Instant at, String reason, Instant now) {
        UUID id = UUID.randomUUID();
        db.update("insert into sal_subscription_event (id, subscription_id, seq, kind, mrr, occurred_at, reason, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, subscriptionId, seq, kind, mrr, at, SalesDb.orNull(reason, SalesDb.NULL_TEXT), now);
        return id;
    }

    private void record(UUID event, UUID subscriptionId, UUID customer, String type, BigDecimal customerMrr, Instant at) {
        touchpoints.record(SalesModule.ID, NewTouchpoint.of("subscription-event-" + event, customer, type, at,
                Map.of("subscriptionId", subscriptionId.toString())).withAmount(customerMrr));
    }

    private SalesDb.Row lastEvent(UUID subscriptionId) {
        return db.one("select * from sal_subscription_event where subscription_id = ? order by seq desc limit 1", subscriptionId).orElseThrow();
    }

    private SalesDb.Row load(UUID id) {
        return db.one("select * from sal_subscription where id = ?", id).orElseThrow(() -> ProblemException.notFound("subscription " + id));
    }

    private Map<String, Object> view(SalesDb.Row row, boolean withHistory) {
        Map<String, Object> view = new LinkedHashMap<>();
        UUID id = row.uuid("id");
        view.put("id", id.toString());
        UUID customer = customers.current(row.uuid("customer_id")).orElse(null);
        view.put("customerId", customer == null ? null : customer.toString());
        view.put("plan", row.text("plan"));
        view.put("mrr", row.decimal("mrr"));
        view.put("status", row.text("status"));
        view.put("startedAt", row.instant("started_at").toString());
        view.put("cancelledAt", row.instant("cancelled_at") == null ? null : row.instant("cancelled_at").toString());
        view.put("cancelReason", row.text("cancel_reason"));
        view.put("createdAt", row.instant("created_at").toString());
        view.put("updatedAt", row.instant("updated_at").toString());
        if (withHistory) {
            List<Map<String, Object>> history = new ArrayList<>();
            for (SalesDb.Row event : db.query("select * from sal_subscription_event where subscription_id = ? order by seq", id)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", event.text("kind"));
                item.put("mrr", event.decimal("mrr"));
                item.put("at", event.instant("occurred_at").toString());
                item.put("reason", event.text("reason"));
                history.add(item);
            }
            view.put("history", history);
        }
        return view;
    }
}
