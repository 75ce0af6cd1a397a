package dev.kreis.platform.customer.api;

import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.customer.CustomerDirectory;
import dev.kreis.platform.customer.CustomerSummary;
import dev.kreis.platform.customer.CustomerView;
import dev.kreis.platform.identity.CustomerMerging;
import dev.kreis.platform.identity.persistence.IdentityEventRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {
    private static final int MAX_HISTORY = 500;

    private final CustomerDirectory directory;
    private final CustomerMerging merging;
    private final IdentityEventRepository events;
    private final SecurityIdentity identity;
    private final dev.kreis.platform.customer.Holds holds;

    CustomerResource(CustomerDirectory directory, CustomerMerging merging, IdentityEventRepository events, SecurityIdentity identity,
            dev.kreis.platform.customer.Holds holds) {
        this.holds = holds;
        this.directory = directory;
        this.merging = merging;
        this.events = events;
        this.identity = identity;
    }

    @GET
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "listCustomers", summary = "Search customers by name, e-mail, phone or external id; newest first",
            description = "kind keeps persons or organisations; source keeps customers with at least one profile from that source.")
    @APIResponse(responseCode = "200", description = "One page of customers", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CustomerPage.class)))
    public Page<CustomerSummary> search(@QueryParam("q") @Parameter(description = "Search text: part of a name, an e-mail address, a phone number or an external id; left out: every customer") String q,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "person or organisation", example = "person") @QueryParam("kind") String kind,
            @Parameter(description = "A profile source, e.g. crm or shop", example = "crm") @QueryParam("source") String source) {
        CustomerListFilter filter = CustomerListFilter.of(q, kind, source);
        return directory.search(filter.q(), filter.kind(), filter.source(), Cursor.decode(cursor), QueryParams.limit(limit));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "getCustomer", summary = "The golden record with provenance, identifiers and profiles",
            description = "An id that was merged into another customer answers with the surviving customer.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CustomerView.class)))
    public CustomerView get(@PathParam("id") String id) {
        return directory.view(Ids.parse("id", id));
    }

    /** The holds departments placed on contacting the customer (e.g. kept out of campaigns during a high-priority ticket). */
    @GET
    @Path("/{id}/holds")
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "listCustomerHolds", summary = "Holds on contacting this customer: scope, the module that placed it, its reason and since when",
            description = "Holds placed on customers merged into this one are included.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "200", description = "The holds, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = HoldView.class), examples = @ExampleObject(name = "holds", value = """
                    [{"customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "scope": "campaigns", "placedBy": "support",
                      "reference": "7d9e1f2b-4d6f-4a8c-8e1a-3b5c7d9e2f4a", "reason": "Open high-priority ticket #123: Invoice wrong",
                      "placedAt": "2026-01-05T10:00:00Z"}]""")))
    public List<HoldView> holds(@PathParam("id") String id) {
        UUID customerId = directory.require(Ids.parse("id", id)).id();
        return holds.of(customerId).stream().map(HoldView::of).toList();
    }

    /** A hold on contacting the customer, as the API shows it. */
    @Schema(name = "Hold")
    public record HoldView(@Schema(required = true, description = "The customer it was placed on (before any later merge)") UUID customerId,
            @Schema(required = true, description = "What is held, e.g. campaigns") String scope,
            @Schema(required = true, description = "The module that placed it, e.g. support") String placedBy,
            @Schema(required = true, description = "The module's reference for the cause, e.g. a ticket id") String reference,
            @Schema(required = true, description = "Why, for people") String reason,
            @Schema(required = true, format = "date-time", description = "When it was placed") java.time.Instant placedAt) {
        static HoldView of(dev.kreis.spi.customer.Hold hold) {
            return new HoldView(hold.customerId(), hold.scope(), hold.placedBy(), hold.reference(), hold.reason(), hold.placedAt());
        }
    }

    /** A page of customers as the API document shows it (the answer is a {@link Page}). */
    @Schema(name = "PageCustomerSummary", example = """
            {"items": [{"id": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "kind": "person", "displayName": "Anna Berger",
              "email": "anna.berger@example.com", "createdAt": "2026-01-02T08:00:00Z"}],
             "nextCursor": "MjAyNi0wMS0wMlQwODowMDowMFp8NWE3YzllMWYtMmI0ZC00ZjZhLThjMGUtMWEzYjVjN2Q5ZTJm"}""")
    public record CustomerPage(@Schema(required = true, description = "The customers of this page, newest first") List<CustomerSummary> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    /** Body of a merge: the customers to merge into the one in the path. */
    @Schema(example = "{\"customerIds\": [\"6b8d0f2a-3c5e-4a7b-9d1f-2b4c6d8e0f1a\"]}")
    public record MergeRequest(@Schema(required = true, description = "The customers to merge into this one (not this one itself)") List<UUID> customerIds) {
    }

    /** Body of a split: the profiles to take out into a customer of their own. */
    @Schema(example = "{\"profileIds\": [\"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\"]}")
    public record SplitRequest(@Schema(required = true, description = "Profiles of this customer to split off") List<UUID> profileIds) {
    }

    /** The customer a merge or split resulted in. */
    @Schema(example = "{\"customerId\": \"5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f\"}")
    public record CustomerIdResponse(@Schema(required = true, description = "The surviving customer of a merge, the split-off customer of a split") UUID customerId) {
    }

    @GET
    @Path("/{id}/identity-history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "getIdentityHistory", summary = "The newest 500 merges and splits this customer took part in, with actor, time and the profiles moved")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "200", description = "The events, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = IdentityEventRepository.EventRow.class),
            examples = @ExampleObject(name = "history", value = """
                    [{"id": "2c4e6a8b-0d1f-4b3c-9e5a-7b9d1f3a5c7e", "kind": "merge", "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f",
                      "actor": "admin", "reason": null, "occurredAt": "2026-01-06T09:00:00Z",
                      "moves": [{"profileId": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "fromCustomer": "6b8d0f2a-3c5e-4a7b-9d1f-2b4c6d8e0f1a",
                       "toCustomer": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f"}]}]""")))
    public List<IdentityEventRepository.EventRow> history(@PathParam("id") String id) {
        UUID customer = Ids.parse("id", id);
        directory.require(customer);
        return events.history(customer, MAX_HISTORY);
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.IDENTITY_RESOLUTION_WRITE)
    @Operation(operationId = "mergeCustomers", summary = "Merge customers into this one (audited; undo with split)")
    @APIResponse(responseCode = "404", description = "No such customer, or no such customer to merge")
    @APIResponse(responseCode = "409", description = "A customer was merged into another one already, or the kinds differ")
    @APIResponse(responseCode = "422", description = "customerIds is missing, empty or names this customer")
    @APIResponse(responseCode = "200")
    public CustomerIdResponse merge(@PathParam("id") String id, MergeRequest request) {
        return new CustomerIdResponse(merging.merge(Ids.parse("id", id), request == null ? null : request.customerIds(), Actors.of(identity)));
    }

    @POST
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.IDENTITY_RESOLUTION_WRITE)
    @Operation(operationId = "splitCustomer", summary = "Split profiles off into a customer of their own (audited; remembered by identity resolution)",
            description = "Answers the split-off customer. Splitting off exactly the profiles a merge brought in restores the merged customer under its old id.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "The customer was merged into another one")
    @APIResponse(responseCode = "422", description = "profileIds is missing, empty, or names profiles of another customer")
    @APIResponse(responseCode = "200")
    public CustomerIdResponse split(@PathParam("id") String id, SplitRequest request) {
        return new CustomerIdResponse(merging.split(Ids.parse("id", id), request == null ? null : request.profileIds(), Actors.of(identity)));
    }
}
