package dev.kreis.platform.signal.api;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.signal.SignalRules;
import dev.kreis.spi.api.ChangesSettings;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/signals/rules")
@ChangesSettings
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signals")
public class SignalRuleResource {
    private final SignalRules rules;
    private final RuleRequests requests;

    SignalRuleResource(SignalRules rules, RuleRequests requests) {
        this.rules = rules;
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.SIGNALS_WRITE)
    @Operation(summary = "Create a signal rule: trigger type, condition (score_range, count_within, absence), action (task, tag, event)")
    public Response create(JsonNode body) {
        return Response.status(201).entity(RuleView.of(rules.create(requests.validate(body)))).build();
    }

    @GET
    @PermissionsAllowed(Permissions.SIGNALS_READ)
    @Operation(summary = "Signal rules, newest first, the default rules included")
    public Page<RuleView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return rules.list(Cursor.decode(cursor), QueryParams.limit(limit)).map(RuleView::of);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.SIGNALS_READ)
    @Operation(summary = "One signal rule")
    public RuleView get(@PathParam("id") String id) {
        return RuleView.of(rules.get(Ids.parse("id", id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.SIGNALS_WRITE)
    @Operation(summary = "Replace a signal rule; it applies to touchpoints evaluated from now on")
    public RuleView replace(@PathParam("id") String id, JsonNode body) {
        return RuleView.of(rules.replace(Ids.parse("id", id), requests.validate(body)));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.SIGNALS_WRITE)
    @Operation(summary = "Delete a signal rule: it stops firing; the tasks and tags it made stay")
    public Response delete(@PathParam("id") String id) {
        rules.delete(Ids.parse("id", id));
        return Response.noContent().build();
    }
}
