package dev.kreis.platform.privacy.api;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.privacy.DataSubjectExport;
import dev.kreis.platform.privacy.DataSubjectExports;
import io.quarkus.security.identity.SecurityIdentity;
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

@Path("/api/v1/customers/{id}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class ExportResource {
    private final DataSubjectExports exports;
    private final SecurityIdentity identity;

    ExportResource(DataSubjectExports exports, SecurityIdentity identity) {
        this.exports = exports;
        this.identity = identity;
    }

    @GET
    @PermissionsAllowed(Permissions.PRIVACY_READ)
    @Operation(operationId = "exportCustomer", summary = "Everything Kreis holds about the customer, as one JSON document (right of access; audited)")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "200")
    public DataSubjectExport export(@PathParam("id") String id) {
        return exports.export(Ids.parse("id", id), Actors.of(identity));
    }
}
