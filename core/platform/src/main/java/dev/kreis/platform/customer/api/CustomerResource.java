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
    @APIResponse(responseCode = "200")
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
    @APIResponse(responseCode = "200")
    public List<dev.kreis.spi.customer.Hold> holds(@PathParam("id") String id) {
        UUID customerId = directory.require(Ids.parse("id", id)).id();
        return holds.of(customerId);
    }

    /** Body of a merge: the customers to merge into the one in the path. */
    public record MergeRequest(List<UUID> customerIds) {
    }

    /** Body of a split: the profiles to take out into a customer of their own. */
    public record SplitRequest(List<UUID> profileIds) {
    }

    /** The customer a merge or split resulted in. */
    public record CustomerIdResponse(UUID customerId) {
    }

    @GET
    @Path("/{id}/identity-history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "getIdentityHistory", summary = "The newest 500 merges and splits this customer took part in, with actor, time and the profiles moved")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "200")
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
