package dev.kreis.platform.sync.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.sync.ConnectionMappings;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A connection's field mapping and per-field conflict policies, for admins. */
@Path("/api/v1/connections/{id}/mapping")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
public class ConnectionMappingResource {
    private final ConnectionMappings mappings;
    private final SecurityIdentity caller;

    ConnectionMappingResource(ConnectionMappings mappings, SecurityIdentity caller) {
        this.mappings = mappings;
        this.caller = caller;
    }

    @GET
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CONNECTIONS_READ)
    @Operation(operationId = "getConnectionMapping", summary = "A connection's field mapping and conflict policies (admin)",
            description = "Per object of the connector and per CRM field: the Kreis attribute it maps to (the connector's default unless "
                    + "overridden), whether it is an identifier, whether Kreis writes it back, and the conflict policy that decides when it "
                    + "changed on both sides.")
    @APIResponse(responseCode = "200", description = "The mapping", content = @Content(schema = @Schema(implementation = ConnectionMappingView.class)))
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public ConnectionMappingView get(@Parameter(description = "The connection's id") @PathParam("id") String idText) {
        UUID id = Ids.parse("id", idText);
        return ConnectionMappingView.of(mappings.of(id));
    }

    @PUT
    @PermissionsAllowed(Permissions.CONNECTIONS_WRITE)
    @Operation(operationId = "replaceConnectionMapping", summary = "Replace a connection's field mapping and conflict policies (admin)",
            description = "Replaces every override: fields not listed go back to the connector's default attribute and the default policy. "
                    + "`attribute` `-` ignores a field (not an identifier). Takes effect from the next run; a changed mapping does not "
                    + "re-read records already read (start a full sync for that). Audited as connection.updated.")
    @APIResponse(responseCode = "200", description = "The new mapping", content = @Content(schema = @Schema(implementation = ConnectionMappingView.class)))
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown objects or fields, invalid attributes or policies, named in errors[]",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ConnectionMappingView replace(@Parameter(description = "The connection's id") @PathParam("id") String idText,
            ConnectionMappingView.Request request) {
        UUID id = Ids.parse("id", idText);
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<ConnectionMappings.FieldOverride> fields = request.fields() == null ? List.of() : request.fields().stream()
                .map(f -> f == null ? null : new ConnectionMappings.FieldOverride(f.object(), f.field(), f.attribute(), f.conflictPolicy()))
                .toList();
        return ConnectionMappingView.of(mappings.replace(id, request.defaultConflictPolicy(), fields, Actors.of(caller)));
    }
}
