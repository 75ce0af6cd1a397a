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
    @Schema(example = SuggestionView.EXAMPLE)
    public record SuggestionView(@Schema(required = true) UUID id,
            @Schema(required = true, minimum = "0", maximum = "1", description = "How similar the two profiles are, 0 to 1") BigDecimal score,
            @Schema(required = true, description = "Why they look alike, for people") List<String> reasons,
            @Schema(required = true, description = "The two customers the profiles belong to now") List<CustomerSummary> customers,
            @Schema(required = true, description = "The two similar profiles") List<UUID> profileIds,
            @Schema(required = true, format = "date-time") OffsetDateTime createdAt) {
        static final String EXAMPLE = """
                {"id": "3d5f7a9b-1c3e-4d5f-8a7b-9c1d3e5f7a9b", "score": 0.9125, "reasons": ["same name", "similar address"],
                 "customers": [{"id": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "kind": "person", "displayName": "Anna Berger", "createdAt": "2026-01-02T08:00:00Z"},
                  {"id": "6b8d0f2a-3c5e-4a7b-9d1f-2b4c6d8e0f1a", "kind": "person", "displayName": "Anna Berger", "createdAt": "2026-01-03T08:00:00Z"}],
                 "profileIds": ["0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"], "createdAt": "2026-01-03T08:00:05Z"}""";
    }

    /** A page of suggestions as the API document shows it (the answer is a {@link Page}). */
    @Schema(name = "PageSuggestionView", example = "{\"items\": [" + SuggestionView.EXAMPLE + "], \"nextCursor\": null}")
    public record SuggestionPage(@Schema(required = true, description = "The suggestions of this page, best first") List<SuggestionView> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    @GET
    @PermissionsAllowed(Permissions.IDENTITY_RESOLUTION_READ)
    @Operation(operationId = "listMergeSuggestions", summary = "Open merge suggestions from fuzzy similarity, best first; nothing is merged automatically",
            description = "customerId narrows the list to the suggestions involving that customer (the customer 360 shows them).")
    @APIResponse(responseCode = "200", description = "One page of open suggestions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SuggestionPage.class)))
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
    @APIResponse(responseCode = "200", description = "The dismissed suggestion", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SuggestionView.class)))
    public SuggestionView dismiss(@PathParam("id") String id) {
        return view(decisions.dismiss(Ids.parse("id", id), Actors.of(identity)));
    }

    private SuggestionView view(SuggestionRow row) {
        return new SuggestionView(row.id(), row.score(), Arrays.asList(row.reasons().split("\n")),
                List.of(directory.summary(row.customerA()), directory.summary(row.customerB())),
                List.of(row.profileA(), row.profileB()), row.createdAt());
    }
}
