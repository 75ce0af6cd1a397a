package dev.kreis.platform.sync.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.sync.Connections;
import dev.kreis.platform.sync.SyncEngine;
import dev.kreis.platform.sync.persistence.RunRepository;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sync runs of a connection: start one, list them, read one. */
@Path("/api/v1/connections/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
public class SyncRunResource {
    private static final int MAX_RUNS = 200;

    private final SyncEngine engine;
    private final Connections connections;
    private final RunRepository runs;
    private final SecurityIdentity caller;

    SyncRunResource(SyncEngine engine, Connections connections, RunRepository runs, SecurityIdentity caller) {
        this.engine = engine;
        this.connections = connections;
        this.runs = runs;
        this.caller = caller;
    }

    /** The answer to a started run. */
    @Schema(name = "SyncStarted", example = "{\"runId\":\"0b5e2a8c-7d1e-4f3a-9b6c-5d4e3f2a1b0c\"}")
    public record Started(@Schema(required = true, format = "uuid") UUID runId) {
    }

    /** The list answer, newest first. */
    @Schema(name = "SyncRunList", example = "{\"items\": [" + RunView.EXAMPLE + "]}")
    public record RunList(@Schema(required = true) List<RunView> items) {
    }

    @POST
    @Path("/sync")
    @PermissionsAllowed(Permissions.SYNC_WRITE)
    @Operation(operationId = "startSync", summary = "Start a sync run now (admin, integration)",
            description = "Pulls every object of the connection since its watermark (all of it with `full=true`), then pushes. The run works in "
                    + "the background; follow it at the Location. 409 while another run of the connection is under way on any node.")
    @APIResponse(responseCode = "202", description = "Started", headers = @Header(name = "Location", description = "The run"),
            content = @Content(schema = @Schema(implementation = Started.class)))
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A run is under way", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public Response start(@Parameter(description = "The connection's id") @PathParam("id") String idText,
            @Parameter(description = "Forget the watermarks and read everything again") @QueryParam("full") @DefaultValue("false") boolean full) {
        UUID id = Ids.parse("id", idText);
        UUID runId = engine.start(id, SyncEngine.Trigger.MANUAL, full, Actors.of(caller));
        return Response.accepted(new Started(runId)).location(URI.create("/api/v1/connections/" + id + "/runs/" + runId)).build();
    }

    @GET
    @Path("/runs")
    @PermissionsAllowed(Permissions.CONNECTIONS_READ)
    @Operation(operationId = "listSyncRuns", summary = "The connection's runs, newest first (admin)")
    @APIResponse(responseCode = "200", description = "The runs", content = @Content(schema = @Schema(implementation = RunList.class)))
    @APIResponse(responseCode = "404", description = "No such connection", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "limit out of range", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public RunList list(@Parameter(description = "The connection's id") @PathParam("id") String idText,
            @Parameter(description = "How many runs, 1-200", schema = @Schema(minimum = "1", maximum = "200")) @QueryParam("limit")
            @DefaultValue("50") int limit) {
        UUID id = Ids.parse("id", idText);
        if (limit < 1 || limit > MAX_RUNS) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_RUNS);
        }
        connections.require(id);
        return new RunList(runs.recent(id, limit).stream().map(RunView::of).toList());
    }

    @GET
    @Path("/runs/{runId}")
    @PermissionsAllowed(Permissions.CONNECTIONS_READ)
    @Operation(operationId = "getSyncRun", summary = "One run (admin)")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "No such connection or run", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public RunView get(@Parameter(description = "The connection's id") @PathParam("id") String idText,
            @Parameter(description = "The run's id") @PathParam("runId") String runIdText) {
        UUID id = Ids.parse("id", idText);
        UUID runId = Ids.parse("runId", runIdText);
        connections.require(id);
        return runs.find(id, runId).map(RunView::of).orElseThrow(() -> new NotFoundProblem("run", runId));
    }
}
