package dev.kreis.platform.sync.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.sync.DeadLetter;
import dev.kreis.platform.sync.DeadLetters;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Records a connection gave up on: list, retry, delete (admin). */
@Path("/api/v1/connections/{id}/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
public class DeadLetterResource {
    private static final int MAX_LIMIT = 500;

    private final DeadLetters deadLetters;
    private final SecurityIdentity caller;

    DeadLetterResource(DeadLetters deadLetters, SecurityIdentity caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    /** A page of dead letters, oldest first. */
    @Schema(name = "DeadLetterPage", example = "{\"items\": [" + DeadLetterView.EXAMPLE + "], \"nextCursor\": null}")
    public record DeadLetterPage(@Schema(required = true) List<DeadLetterView> items,
            @Schema(required = true, nullable = true, description = "Pass as `after` for the next page; null on the last page") String nextCursor) {
    }

    @GET
    @PermissionsAllowed(Permissions.CONNECTIONS_READ)
    @Operation(operationId = "listDeadLetters", summary = "The connection's dead letters, oldest first (admin)")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "limit or after invalid", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public DeadLetterPage list(@Parameter(description = "The connection's id") @PathParam("id") String idText,
            @Parameter(description = "The nextCursor of the page before") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1-500", schema = @Schema(minimum = "1", maximum = "500")) @QueryParam("limit")
            @DefaultValue("100") int limit) {
        UUID id = Ids.parse("id", idText);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Optional<UUID> position;
        try {
            position = Optional.ofNullable(after).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after", "must be the nextCursor of an earlier page");
        }
        List<DeadLetter> page = deadLetters.page(id, position, limit + 1);
        List<DeadLetterView> items = page.stream().limit(limit).map(DeadLetterView::of).toList();
        return new DeadLetterPage(items, page.size() > limit ? items.get(items.size() - 1).id().toString() : null);
    }

    @POST
    @Path("/{dlId}/retry")
    @PermissionsAllowed(Permissions.CONNECTIONS_WRITE)
    @Operation(operationId = "retryDeadLetter", summary = "Try a dead letter again (admin)",
            description = "A pulled record is read again from the CRM and applied; a pushed one is written again. On success the dead letter is "
                    + "gone (204); if it fails again it stays with one more attempt and the answer is 409 with the error.")
    @APIResponse(responseCode = "204", description = "Applied; the dead letter is gone")
    @APIResponse(responseCode = "404", description = "No such connection or dead letter", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It failed again", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public Response retry(@Parameter(description = "The connection's id") @PathParam("id") String idText,
            @Parameter(description = "The dead letter's id") @PathParam("dlId") String dlIdText) {
        UUID id = Ids.parse("id", idText);
        UUID dlId = Ids.parse("dlId", dlIdText);
        deadLetters.retry(id, dlId, Actors.of(caller));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{dlId}")
    @PermissionsAllowed(Permissions.CONNECTIONS_WRITE)
    @Operation(operationId = "deleteDeadLetter", summary = "Give up on a dead letter (admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such connection or dead letter", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "The connection's id") @PathParam("id") String idText,
            @Parameter(description = "The dead letter's id") @PathParam("dlId") String dlIdText) {
        UUID id = Ids.parse("id", idText);
        UUID dlId = Ids.parse("dlId", dlIdText);
        deadLetters.delete(id, dlId, Actors.of(caller));
        return Response.noContent().build();
    }
}
