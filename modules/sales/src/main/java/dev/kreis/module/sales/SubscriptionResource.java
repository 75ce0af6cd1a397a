package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
    private static final String ID = "The subscription's id.";

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
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesRequests.CreateSubscription.class),
            examples = @ExampleObject(name = "subscription", value = SalesDocs.CREATE_SUBSCRIPTION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Started: the subscription with its history; Location names it.",
            headers = @Header(name = "Location", description = "The subscription's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesViews.Subscription.class),
                    examples = @ExampleObject(name = "subscription", value = SalesDocs.SUBSCRIPTION_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response create(@Valid SalesRequests.CreateSubscription body) {
        Instant now = Instant.now();
        if (body == null) {
            throw ProblemException.missingBody();
        }
        SalesRequests.Rules rules = new SalesRequests.Rules();
        rules.past("startedAt", body.startedAt(), now);
        rules.check();
        UUID customerId = body.customerId();
        BigDecimal mrr = body.mrr();
        Instant startedAt = body.startedAt();
        String plan = body.plan();
        UUID customer = customers.current(customerId).orElseThrow(() -> ProblemException.invalid("customerId", "no customer " + customerId));
        UUID id = UUID.randomUUID();
        db.update("insert into sal_subscription (id, customer_id, plan, mrr, status, started_at, created_at, updated_at)"
                + " values (?, ?, ?, ?, 'active', ?, ?, ?)", id, customer, SalesDb.orNull(plan, SalesDb.NULL_TEXT), mrr, startedAt, now, now);
        UUID event = event(id, 1, "started", mrr, startedAt, null, now);
        record(event, id, customer, STARTED, otherMrr(customer, id, startedAt).add(mrr), startedAt);
        return Response.created(URI.create("/api/v1/sales/subscriptions/" + id)).entity(view(load(id), true)).build();
    }

    @POST
    @Path("/{id}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(SalesModule.WRITE)
    @Operation(operationId = "changeSubscription", summary = "Change a subscription's MRR (up- or downgrade)", description = "mrr > 0 is the subscription's MRR after "
            + "the change, at not before its last event. Records revenue.subscription_changed with the customer's MRR after it. "
            + "A cancelled subscription cannot change (409).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesRequests.ChangeSubscription.class),
            examples = @ExampleObject(name = "upgrade", value = "{\"mrr\": 149, \"at\": \"2026-02-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The changed subscription.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.Subscription.class),
            examples = @ExampleObject(name = "subscription", value = SalesDocs.SUBSCRIPTION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The subscription is cancelled, or its customer was erased.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public SalesViews.Subscription change(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid SalesRequests.ChangeSubscription body) {
        UUID subscriptionId = Pages.id("id", id);
        if (body == null) {
            throw ProblemException.missingBody();
        }
        SalesDb.Row row = load(subscriptionId);
        customers.refuseIfErased(row.uuid("customer_id"), "id");
        Instant now = Instant.now();
        SalesRequests.Rules rules = new SalesRequests.Rules();
        rules.past("at", body.at(), now);
        rules.check();
        BigDecimal mrr = body.mrr();
        Instant at = body.at();
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
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesRequests.CancelSubscription.class),
            examples = @ExampleObject(name = "cancellation", value = "{\"at\": \"2026-03-01T00:00:00Z\", \"reason\": \"Too expensive\"}")))
    @APIResponse(responseCode = "200", description = "The cancelled subscription.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.Subscription.class),
            examples = @ExampleObject(name = "subscription", value = SalesDocs.SUBSCRIPTION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The subscription is already cancelled, or its customer was erased.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public SalesViews.Subscription cancel(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid SalesRequests.CancelSubscription body) {
        UUID subscriptionId = Pages.id("id", id);
        if (body == null) {
            throw ProblemException.missingBody();
        }
        SalesDb.Row row = load(subscriptionId);
        customers.refuseIfErased(row.uuid("customer_id"), "id");
        Instant now = Instant.now();
        SalesRequests.Rules rules = new SalesRequests.Rules();
        rules.past("at", body.at(), now);
        rules.check();
        Instant at = body.at();
        String reason = body.reason();
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
    @APIResponse(responseCode = "200", description = "One page of subscriptions.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.SubscriptionPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + SalesDocs.SUBSCRIPTION_EXAMPLE + "], \"nextCursor\": null}")))
    public SalesViews.SubscriptionPage list(
            @Parameter(description = SalesDocs.CUSTOMER_FILTER, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("customerId") String customerId,
            @Parameter(description = "Only subscriptions in this status.", schema = @Schema(enumeration = { "active", "cancelled" }))
            @QueryParam("status") String status,
            @Parameter(description = SalesDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = SalesDocs.CURSOR) @QueryParam("cursor") String cursor) {
        Map<String, Object> equals = new java.util.LinkedHashMap<>();
        equals.put("customer_id", Pages.optionalId("customerId", customerId));
        equals.put("status", Pages.optionalChoice("status", status, STATUSES));
        SalesDb.Slice<SalesViews.Subscription> slice = db.newestFirst("sal_subscription", equals, limit, cursor, row -> view(row, false));
        return new SalesViews.SubscriptionPage(slice.items(), slice.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "getSubscription", summary = "One subscription with its history of starts, changes and cancellation", description = "The subscription with its starts, MRR changes and cancellation, oldest first.")
    @APIResponse(responseCode = "200", description = "The subscription.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.Subscription.class),
            examples = @ExampleObject(name = "subscription", value = SalesDocs.SUBSCRIPTION_EXAMPLE)))
    public SalesViews.Subscription get(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
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

    private SalesViews.Subscription view(SalesDb.Row row, boolean withHistory) {
        UUID id = row.uuid("id");
        List<SalesViews.SubscriptionEvent> history = null;
        if (withHistory) {
            history = new ArrayList<>();
            for (SalesDb.Row event : db.query("select * from sal_subscription_event where subscription_id = ? order by seq", id)) {
                history.add(new SalesViews.SubscriptionEvent(event.text("kind"), event.decimal("mrr"), event.instant("occurred_at"),
                        event.text("reason")));
            }
        }
        return new SalesViews.Subscription(id, customers.current(row.uuid("customer_id")).orElse(null), row.text("plan"), row.decimal("mrr"),
                row.text("status"), row.instant("started_at"), row.instant("cancelled_at"), row.text("cancel_reason"), row.instant("created_at"),
                row.instant("updated_at"), history);
    }
}
