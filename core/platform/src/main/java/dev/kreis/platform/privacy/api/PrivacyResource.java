package dev.kreis.platform.privacy.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.privacy.DataSubjectExport;
import dev.kreis.platform.privacy.DataSubjectExports;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class PrivacyResource {
    private static final int MAX_REASON = 1000;

    private final DataSubjectExports exports;
    private final Erasure erasure;
    private final SecurityIdentity identity;

    PrivacyResource(DataSubjectExports exports, Erasure erasure, SecurityIdentity identity) {
        this.exports = exports;
        this.erasure = erasure;
        this.identity = identity;
    }

    /** The optional body of an erasure. */
    public record EraseRequest(String reason) {
    }

    /** An erasure receipt on the wire. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiptView(UUID receiptId, UUID customerId, OffsetDateTime erasedAt, String actor, String reason, int profiles,
            int identifiers, int touchpoints, int suppressedIdentifiers) {
        static ReceiptView of(ErasureReceipt r) {
            return new ReceiptView(r.receiptId(), r.customerId(), r.erasedAt(), r.actor(), r.reason(), r.profiles(), r.identifiers(),
                    r.touchpoints(), r.suppressedIdentifiers());
        }
    }

    @GET
    @Path("/customers/{id}/export")
    @PermissionsAllowed(Permissions.PRIVACY_READ)
    @Operation(summary = "Everything Kreis holds about the customer, as one JSON document (right of access; audited)")
    public DataSubjectExport export(@PathParam("id") String id) {
        return exports.export(Ids.parse("id", id), Actors.of(identity));
    }

    @POST
    @Path("/customers/{id}/erase")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.WILDCARD })
    @PermissionsAllowed(Permissions.PRIVACY_WRITE)
    @Operation(summary = "Erase the customer's personal data (all its profiles); answers the receipt",
            description = "201 with the receipt when erased now; 200 with the first receipt when the customer was erased before. "
                    + "Identifiers go onto the suppression list.")
    public Response erase(@PathParam("id") String id, EraseRequest request) {
        UUID customerId = Ids.parse("id", id);
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters");
        }
        Erasure.Outcome outcome = erasure.erase(customerId, reason, Actors.of(identity));
        ReceiptView receipt = ReceiptView.of(outcome.receipt());
        return outcome.erasedNow()
                ? Response.created(URI.create("/api/v1/erasures/" + receipt.receiptId())).entity(receipt).build()
                : Response.ok(receipt).build();
    }

    @GET
    @Path("/erasures/{receiptId}")
    @PermissionsAllowed(Permissions.PRIVACY_READ)
    @Operation(summary = "An erasure receipt")
    public ReceiptView receipt(@PathParam("receiptId") String receiptId) {
        return ReceiptView.of(erasure.receipt(Ids.parse("receiptId", receiptId)));
    }
}
