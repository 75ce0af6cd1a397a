package dev.kreis.platform.privacy.api;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.privacy.Erasure;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/erasures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class ErasureReceiptResource {
    private final Erasure erasure;

    ErasureReceiptResource(Erasure erasure) {
        this.erasure = erasure;
    }

    @GET
    @Path("/{receiptId}")
    @PermissionsAllowed(Permissions.PRIVACY_READ)
    @Operation(operationId = "getErasureReceipt", summary = "An erasure receipt")
    @APIResponse(responseCode = "404", description = "No such receipt")
    @APIResponse(responseCode = "200")
    public ReceiptView receipt(@PathParam("receiptId") String receiptId) {
        java.util.UUID id = Ids.parse("receiptId", receiptId);
        return ReceiptView.of(erasure.receipt(id), erasure.elsewhere(id));
    }
}
