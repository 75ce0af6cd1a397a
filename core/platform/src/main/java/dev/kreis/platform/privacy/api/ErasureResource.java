package dev.kreis.platform.privacy.api;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.privacy.Erasure;
import dev.kreis.platform.privacy.ErasureReceipt;
import io.quarkus.security.identity.SecurityIdentity;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}/erase")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class ErasureResource {
    private static final int MAX_REASON = 1000;

    private final Erasure erasure;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    ErasureResource(Erasure erasure, SecurityIdentity identity, ObjectMapper json) {
        this.erasure = erasure;
        this.identity = identity;
        this.json = json;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.WILDCARD })
    @PermissionsAllowed(Permissions.PRIVACY_WRITE)
    @Operation(operationId = "eraseCustomer", summary = "Erase the customer's personal data (all its profiles); answers the receipt",
            description = "201 with the receipt. Erasing an erased customer again runs the erasure again over everything that exists "
                    + "now (profiles merged in since, module data) and answers a new receipt. Identifiers go onto the suppression list.")
    @RequestBody(description = "Optional; any media type is read as JSON", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EraseRequest.class)),
            @Content(mediaType = MediaType.WILDCARD, schema = @Schema(implementation = EraseRequest.class)) })
    @APIResponse(responseCode = "201", description = "Erased (again): the new receipt", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReceiptView.class)), headers = @Header(name = "Location", description = "The URL of what was created", required = true, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "422", description = "reason is too long")
    public Response erase(@PathParam("id") String id, byte[] raw) throws IOException {
        UUID customerId = Ids.parse("id", id);
        String reason = reason(raw);
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters");
        }
        ErasureReceipt erased = erasure.erase(customerId, reason, Actors.of(identity));
        ReceiptView receipt = ReceiptView.of(erased, erasure.elsewhere(erased.receiptId()));
        return Response.created(URI.create("/api/v1/erasures/" + receipt.receiptId())).entity(receipt).build();
    }

    @GET
    @Path("/preview")
    @PermissionsAllowed(Permissions.PRIVACY_READ)
    @Operation(operationId = "previewErasure", summary = "What erasing the customer would anonymise, counted now; nothing changes",
            description = "Profiles, identifiers, attributes, consents and touchpoints, how many identifiers would go onto the suppression list,"
                    + " and the sources of the profiles. Personal values are not shown.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "200", description = "The counts; nothing changed",
            content = @Content(schema = @Schema(implementation = Erasure.ErasurePreview.class), examples = @ExampleObject(name = "preview", value = """
                    {"customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", "profiles": 2, "identifiers": 3, "attributes": 7, "consents": 1, \
                    "touchpoints": 12, "suppressedIdentifiers": 5, "sources": ["hubspot", "shop"]}""")))
    public Erasure.ErasurePreview preview(@PathParam("id") String id) {
        return erasure.preview(Ids.parse("id", id));
    }

    /** The optional body of an erasure: why, for the receipt (personal values in it are erased too). */
    @Schema(example = "{\"reason\": \"Request of the data subject, ticket 4711\"}")
    public record EraseRequest(@Schema(maxLength = 1000, description = "Why, for the receipt; optional") String reason) {
    }

    /** The body is optional, so it is read by hand: nothing, or an object with an optional text {@code reason}. */
    private String reason(byte[] raw) throws IOException {
        JsonNode body = raw == null || raw.length == 0 ? null : json.readTree(raw);
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw new MalformedRequestException("body", "must be an object such as {\"reason\": \"...\"}");
        }
        JsonNode reason = body.get("reason");
        if (reason == null || reason.isNull()) {
            return null;
        }
        if (!reason.isTextual()) {
            throw new MalformedRequestException("reason", "must be a string");
        }
        return reason.asText();
    }
}
