package dev.kreis.platform.sync.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import dev.kreis.platform.sync.Connection;
import dev.kreis.platform.sync.ConnectionDraft;
import dev.kreis.platform.sync.Connections;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Connections to external CRMs, for admins: create, list, read, change, delete, test. */
@Path("/api/v1/connections")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
public class ConnectionResource {
    private final Connections connections;
    private final SecurityIdentity caller;

    ConnectionResource(Connections connections, SecurityIdentity caller) {
        this.connections = connections;
        this.caller = caller;
    }

    /** The list answer. */
    @Schema(name = "ConnectionList", example = "{\"items\": [" + ConnectionView.EXAMPLE + "]}")
    public record ConnectionList(@Schema(required = true) List<ConnectionView> items) {
    }

    @POST
    @PermissionsAllowed(Permissions.CONNECTIONS_WRITE)
    @Operation(operationId = "createConnection", summary = "Create a connection to a CRM (admin)",
            description = "Stores the connection with its credentials encrypted; `source` defaults to the connector's id and `baseUrl` to the "
                    + "vendor's address. Audited as connection.created (without credential values).")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new connection"),
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "409", description = "Another connection uses the source", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, named in errors[]", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public Response create(ConnectionRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        Connection created = connections.create(draft(request), Actors.of(caller));
        return Response.created(URI.create("/api/v1/connections/" + created.id())).entity(ConnectionView.of(created)).build();
    }

    @GET
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CONNECTIONS_READ)
    @Operation(operationId = "listConnections", summary = "Every connection (admin)", description = "Oldest first; credentials are never returned.")
    @APIResponse(responseCode = "200", description = "The connections", content = @Content(schema = @Schema(implementation = ConnectionList.class)))
    public ConnectionList list() {
        return new ConnectionList(connections.all().stream().map(ConnectionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CONNECTIONS_READ)
    @Operation(operationId = "getConnection", summary = "One connection (admin)", description = "Credentials are never returned.")
    @APIResponse(responseCode = "200", description = "The connection", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public ConnectionView get(@Parameter(description = "The connection's id") @PathParam("id") String idText) {
        UUID id = Ids.parse("id", idText);
        return ConnectionView.of(connections.require(id));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permissions.CONNECTIONS_WRITE)
    @Operation(operationId = "updateConnection", summary = "Change a connection (admin)",
            description = "Fields left out stay; `credentials` and `settings`, when given, replace all of them. `connector` and `source` cannot "
                    + "change. Audited as connection.updated.")
    @APIResponse(responseCode = "200", description = "The changed connection", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, named in errors[]", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public ConnectionView update(@Parameter(description = "The connection's id") @PathParam("id") String idText, ConnectionRequest request) {
        UUID id = Ids.parse("id", idText);
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        return ConnectionView.of(connections.update(id, draft(request), Actors.of(caller)));
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CONNECTIONS_WRITE)
    @Operation(operationId = "deleteConnection", summary = "Delete a connection (admin)",
            description = "`data=keep` keeps the profiles it brought in; `data=purge` removes their attributes and identifiers and marks them "
                    + "deleted. Audited as connection.deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "`data` missing or not keep|purge", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "The connection's id") @PathParam("id") String idText,
            @Parameter(description = "What happens to the profiles the connection brought in", required = true,
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "keep", "purge" })) @QueryParam("data") String data) {
        UUID id = Ids.parse("id", idText);
        if (!"keep".equals(data) && !"purge".equals(data)) {
            throw new InvalidInputException("data", "must be keep or purge");
        }
        connections.delete(id, "purge".equals(data), Actors.of(caller));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CONNECTIONS_WRITE)
    @Operation(operationId = "testConnection", summary = "Test a connection's credentials (admin)",
            description = "Calls the CRM and answers, per object, whether the credentials may read and write it.")
    @APIResponse(responseCode = "200", description = "What the credentials may do", content = @Content(schema = @Schema(implementation = ConnectionTestView.class)))
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public ConnectionTestView test(@Parameter(description = "The connection's id") @PathParam("id") String idText) {
        UUID id = Ids.parse("id", idText);
        return new ConnectionTestView(connections.test(id).stream()
                .map(a -> new ConnectionTestView.ObjectAccessView(a.object(), a.readable(), a.writable(), a.problem().orElse(null))).toList());
    }

    private static ConnectionDraft draft(ConnectionRequest r) {
        return new ConnectionDraft(Optional.ofNullable(r.connector()), Optional.ofNullable(r.name()), Optional.ofNullable(r.source()),
                Optional.ofNullable(r.baseUrl()), Optional.ofNullable(r.credentials()), Optional.ofNullable(r.settings()));
    }
}
