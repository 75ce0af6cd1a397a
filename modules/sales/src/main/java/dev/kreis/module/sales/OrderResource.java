package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.kreis.spi.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

/** {@code /api/v1/sales/orders}: each order is a core {@code revenue.order} touchpoint. */
@APIResponse(responseCode = "400", description = "Malformed: an id that is not a UUID, a bad query parameter, a body that is not a JSON object.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "401", description = "No valid credentials.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "403", description = "The caller's roles do not grant this permission.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "404", description = "Not found, or the sales module is not installed (the problem's detail says which).", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@Path("/api/v1/sales/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales")
public class OrderResource {
    static final String REVENUE_ORDER = "revenue.order";

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
    @Operation(operationId = "createOrder", summary = "Record an order", description = "amount > 0; externalId (the shop's order number) is unique: a second "
            + "order with it answers 409. Records a core revenue.order touchpoint with the order value.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderRequest.class),
            examples = @ExampleObject(name = "order", value = "{\"customerId\": \"4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01\", \"amount\": 249.90, "
                    + "\"orderedAt\": \"2026-01-31T09:30:00Z\", \"externalId\": \"SO-10023\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new order.",
            headers = @Header(name = "Location", description = "The order's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesViews.Order.class),
                    examples = @ExampleObject(name = "order", value = SalesDocs.ORDER_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "An order with this externalId exists.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response create(@Valid OrderRequest body) {
        Instant now = Instant.now();
        if (body == null) {
            throw ProblemException.missingBody();
        }
        if (body.orderedAt().isBefore(SalesRequests.EARLIEST)) {
            throw ProblemException.invalid("orderedAt", "must not lie before " + SalesRequests.EARLIEST);
        }
        if (body.orderedAt().isAfter(now.plusSeconds(SalesRequests.FUTURE_TOLERANCE_SECONDS))) {
            throw ProblemException.invalid("orderedAt", "must not lie in the future");
        }
        UUID customerId = body.customerId();
        BigDecimal amount = body.amount();
        Instant orderedAt = body.orderedAt();
        String externalId = body.externalId();
        UUID customer = customers.current(customerId).orElseThrow(() -> ProblemException.invalid("customerId", "no customer " + customerId));
        if (db.one("select id from sal_order where external_id = ?", externalId).isPresent()) {
            throw ProblemException.conflict("an order with externalId '" + externalId + "' exists");
        }
        UUID id = UUID.randomUUID();
        try {
            db.update("insert into sal_order (id, external_id, customer_id, amount, ordered_at, created_at) values (?, ?, ?, ?, ?, ?)", id,
                    externalId, customer, amount, orderedAt, now);
        } catch (SalesDb.SalesDataException e) {
            if (e.isUniqueViolation()) { // a concurrent request with the same external id won
                throw ProblemException.conflict("an order with externalId '" + externalId + "' exists");
            }
            throw e;
        }
        touchpoints.record(SalesModule.ID, NewTouchpoint.of("order-" + id, customer, REVENUE_ORDER, orderedAt,
                Map.of("orderId", id.toString(), "externalId", externalId)).withAmount(amount));
        return Response.created(URI.create("/api/v1/sales/orders/" + id)).entity(view(load(id))).build();
    }

    @GET
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "listOrders", summary = "Orders, newest first, by customer", description = "Filter: customerId. Pages with limit and nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of orders.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.OrderPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + SalesDocs.ORDER_EXAMPLE + "], \"nextCursor\": null}")))
    public SalesViews.OrderPage list(
            @Parameter(description = SalesDocs.CUSTOMER_FILTER, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("customerId") String customerId,
            @Parameter(description = SalesDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = SalesDocs.CURSOR) @QueryParam("cursor") String cursor) {
        Map<String, Object> equals = new java.util.LinkedHashMap<>();
        equals.put("customer_id", Pages.optionalId("customerId", customerId));
        SalesDb.Slice<SalesViews.Order> slice = db.newestFirst("sal_order", equals, limit, cursor, this::view);
        return new SalesViews.OrderPage(slice.items(), slice.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(SalesModule.READ)
    @Operation(operationId = "getOrder", summary = "One order", description = "The order with its amount, currency and customer (after merges).")
    @APIResponse(responseCode = "200", description = "The order.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesViews.Order.class), examples = @ExampleObject(name = "order", value = SalesDocs.ORDER_EXAMPLE)))
    public SalesViews.Order get(@Parameter(description = "The order's id.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return view(load(Pages.id("id", id)));
    }

    private SalesDb.Row load(UUID id) {
        return db.one("select * from sal_order where id = ?", id).orElseThrow(() -> ProblemException.notFound("order " + id));
    }

    private SalesViews.Order view(SalesDb.Row row) {
        return new SalesViews.Order(row.uuid("id"), row.text("external_id"), customers.current(row.uuid("customer_id")).orElse(null),
                row.decimal("amount"), row.instant("ordered_at"), row.instant("created_at"));
    }
}
