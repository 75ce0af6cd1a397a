package dev.kreis.platform.customer.api;

import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.customer.CustomerDirectory;
import dev.kreis.platform.customer.CustomerSummary;
import dev.kreis.platform.identity.MergeSuggestions;
import dev.kreis.platform.identity.persistence.MergeSuggestionRepository;
import dev.kreis.platform.identity.persistence.MergeSuggestionRepository.SuggestionRow;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/merge-suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class MergeSuggestionResource {
    private final MergeSuggestionRepository suggestions;
    private final MergeSuggestions decisions;
    private final CustomerDirectory directory;
    private final SecurityIdentity identity;

    MergeSuggestionResource(MergeSuggestionRepository suggestions, MergeSuggestions decisions, CustomerDirectory directory,
            SecurityIdentity identity) {
        this.suggestions = suggestions;
        this.decisions = decisions;
        this.directory = directory;
        this.identity = identity;
    }

    /** Two customers that are probably the same, with the score and the reasons. */
    public record SuggestionView(UUID id, BigDecimal score, List<String> reasons, List<CustomerSummary> customers,
            List<UUID> profileIds, OffsetDateTime createdAt) {
    }

    @GET
    @PermissionsAllowed(Permissions.IDENTITY_RESOLUTION_READ)
    @Operation(operationId = "listMergeSuggestions", summary = "Open merge suggestions from fuzzy similarity, best first; nothing is merged automatically",
            description = "customerId narrows the list to the suggestions involving that customer (the customer 360 shows them).")
    public Page<SuggestionView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("customerId") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                    description = "Only the suggestions involving this customer; left out: all open suggestions") String customerId) {
        int size = QueryParams.limit(limit);
        UUID customer = customerId == null || customerId.isBlank() ? null : Ids.parse("customerId", customerId.trim());
        return Page.of(suggestions.open(customer, Cursor.decode(cursor), size + 1), size,
                row -> new Cursor(row.score().toPlainString(), row.id())).map(this::view);
    }

    @POST
    @Path("/{id}/dismiss")
    @Transactional
    @PermissionsAllowed(Permissions.IDENTITY_RESOLUTION_WRITE)
    @Operation(operationId = "dismissMergeSuggestion", summary = "Dismiss a suggestion: these customers are not the same")
    @APIResponse(responseCode = "404", description = "No such suggestion")
    @APIResponse(responseCode = "409", description = "The suggestion was dismissed or merged already")
    @APIResponse(responseCode = "200")
    public SuggestionView dismiss(@PathParam("id") String id) {
        return view(decisions.dismiss(Ids.parse("id", id), Actors.of(identity)));
    }

    private SuggestionView view(SuggestionRow row) {
        return new SuggestionView(row.id(), row.score(), Arrays.asList(row.reasons().split("\n")),
                List.of(directory.summary(row.customerA()), directory.summary(row.customerB())),
                List.of(row.profileA(), row.profileB()), row.createdAt());
    }
}
