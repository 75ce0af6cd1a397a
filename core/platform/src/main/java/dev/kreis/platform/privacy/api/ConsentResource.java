package dev.kreis.platform.privacy.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.privacy.ConsentDecision;
import dev.kreis.platform.privacy.Consents;
import io.quarkus.security.identity.SecurityIdentity;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class ConsentResource {
    private final Consents consents;
    private final ConsentRequests requests;
    private final SecurityIdentity identity;

    ConsentResource(Consents consents, ConsentRequests requests, SecurityIdentity identity) {
        this.consents = consents;
        this.requests = requests;
        this.identity = identity;
    }

    /** A customer's consents: the prevailing decision per purpose and channel. */
    @Schema(example = """
            {"customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "items": [{"purpose": "newsletter", "channel": "email", "status": "granted",
             "decidedAt": "2026-01-02T08:00:00Z", "source": "shop"}]}""")
    public record ConsentsView(@Schema(required = true, description = "The customer (the surviving one after merges)") UUID customerId,
            @Schema(required = true, description = "The prevailing decision per purpose and channel") List<ConsentItem> items) {
        static ConsentsView of(Consents.CustomerConsents consents) {
            return new ConsentsView(consents.customerId(), consents.decisions().stream().map(ConsentItem::of).toList());
        }
    }

    /** The body of a change: decisions to record. */
    @Schema(example = """
            {"items": [{"purpose": "newsletter", "channel": "email", "status": "withdrawn", "source": "shop"}]}""")
    public record ConsentsRequest(@Schema(required = true, minItems = 1, maxItems = 100, description = "The decisions to record") List<ConsentItem> items) {
    }

    @GET
    @PermissionsAllowed(Permissions.CONSENTS_READ)
    @Operation(operationId = "getConsents", summary = "The customer's consent per purpose and channel, from all its profiles")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "200")
    public ConsentsView get(@PathParam("id") String id) {
        return ConsentsView.of(consents.of(Ids.parse("id", id)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.CONSENTS_WRITE)
    @Operation(operationId = "recordConsents", summary = "Record consent decisions (granted or withdrawn); answers the new state",
            description = "Up to 100 decisions. A decision older than the one held for the same purpose and channel changes nothing. "
                    + "Nothing is recorded if any item is invalid.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "The customer was erased")
    @APIResponse(responseCode = "422", description = "Invalid decisions; each invalid field is named")
    @APIResponse(responseCode = "200")
    public ConsentsView put(@PathParam("id") String id, ConsentsRequest request) {
        UUID customerId = Ids.parse("id", id);
        if (request == null || request.items() == null) {
            throw new InvalidInputException("items", "is required");
        }
        if (request.items().isEmpty()) {
            throw new InvalidInputException("items", "must hold at least one decision");
        }
        List<FieldError> errors = new ArrayList<>();
        List<ConsentDecision> decisions = requests.read("items", request.items(), null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return ConsentsView.of(consents.decide(customerId, decisions, Actors.of(identity)));
    }
}
