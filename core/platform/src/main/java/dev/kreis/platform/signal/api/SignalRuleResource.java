package dev.kreis.platform.signal.api;

import java.net.URI;
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

import dev.kreis.platform.api.RequestSchemas;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "createSignalRule", summary = "Create a signal rule: trigger type, condition (score_range, count_within, absence), action (task, tag, event)")
    @APIResponse(responseCode = "201", description = "The rule", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleView.class)), headers = @Header(name = "Location", description = "The URL of what was created", required = true, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "422", description = "An invalid trigger, condition or action; each invalid field is named")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestSchemas.SignalRule.class)))
    public Response create(JsonNode body) {
        RuleView rule = RuleView.of(rules.create(requests.validate(body)));
        return Response.created(URI.create("/api/v1/signals/rules/" + rule.id())).entity(rule).build();
    }

    @GET
    @PermissionsAllowed(Permissions.SIGNALS_READ)
    @Operation(operationId = "listSignalRules", summary = "Signal rules, newest first, the default rules included")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "One page",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = RuleView.ListPage.class)))
    public Page<RuleView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return rules.list(Cursor.decode(cursor), QueryParams.limit(limit)).map(RuleView::of);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.SIGNALS_READ)
    @Operation(operationId = "getSignalRule", summary = "One signal rule")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "200")
    public RuleView get(@PathParam("id") String id) {
        return RuleView.of(rules.get(Ids.parse("id", id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.SIGNALS_WRITE)
    @Operation(operationId = "replaceSignalRule", summary = "Replace a signal rule; it applies to touchpoints evaluated from now on")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "422", description = "An invalid trigger, condition or action; each invalid field is named")
    @APIResponse(responseCode = "200")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestSchemas.SignalRule.class)))
    public RuleView replace(@PathParam("id") String id, JsonNode body) {
        return RuleView.of(rules.replace(Ids.parse("id", id), requests.validate(body)));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.SIGNALS_WRITE)
    @Operation(operationId = "deleteSignalRule", summary = "Delete a signal rule: it stops firing; the tasks and tags it made stay")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such rule")
    public Response delete(@PathParam("id") String id) {
        rules.delete(Ids.parse("id", id));
        return Response.noContent().build();
    }
}
