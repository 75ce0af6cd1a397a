package dev.kreis.module.marketing;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.PermissionsAllowed;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.kreis.spi.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/marketing/campaigns}: campaigns and their members. */
@APIResponse(responseCode = "400", description = "Malformed: an id that is not a UUID, a bad query parameter, a body that is not a JSON object.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "401", description = "No valid credentials.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "403", description = "The caller's roles do not grant this permission.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "404", description = "Not found, or the marketing module is not installed (the problem's detail says which).", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@Path("/api/v1/marketing/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketing")
public class CampaignResource {
    static final String READ = "marketing:read";
    static final String WRITE = "marketing:write";

    private final Campaigns campaigns;

    CampaignResource(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "createCampaign", summary = "Create a campaign", description = "name (1-200), channel (email, web, social, sms, event, other), purpose for consent "
            + "(default marketing), startsOn/endsOn (dates, end not before start), budget (>= 0, the installation's currency), audience: "
            + "{\"type\":\"list\",\"customerIds\":[...]} (at most 10,000) or {\"type\":\"segment\",\"filter\":{\"country\":\"DE\"}}.")
    @APIResponse(responseCode = "201", description = "Created: the campaign.")
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response create(JsonNode body) {
        return Response.status(Response.Status.CREATED).entity(campaigns.create(body)).build();
    }

    @GET
    @PermissionsAllowed(READ)
    @Operation(operationId = "listCampaigns", summary = "Campaigns, newest first", description = "A list audience shows its size instead of its ids; GET one campaign for the ids.")
    @APIResponse(responseCode = "200", description = "One page of campaigns.")
    public Map<String, Object> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return campaigns.list(limit, cursor);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(READ)
    @Operation(operationId = "getCampaign", summary = "One campaign with its full audience", description = "The campaign with its audience (a list with its customer ids, or a segment filter).")
    @APIResponse(responseCode = "200", description = "The campaign.")
    public Map<String, Object> get(@PathParam("id") String id) {
        return campaigns.get(Paging.id("id", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "changeCampaign", summary = "Change a campaign's fields", description = "Only the fields present change; null clears startsOn, endsOn or budget "
            + "and resets purpose to marketing. A new audience takes effect with the next members refresh.")
    @APIResponse(responseCode = "200", description = "The changed campaign.")
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Map<String, Object> change(@PathParam("id") String id, JsonNode body) {
        return campaigns.change(Paging.id("id", id), body);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "deleteCampaign", summary = "Delete a campaign and its members", description = "Its e-mail events and their touchpoints stay.")
    @APIResponse(responseCode = "204", description = "Deleted; nothing is returned.")
    public Response delete(@PathParam("id") String id) {
        campaigns.delete(Paging.id("id", id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/members/refresh")
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "refreshCampaignMembers", summary = "Resolve the audience into members", description = "A list's ids as they are now (merged ids become the surviving "
            + "customer, unknown or erased ids are skipped) or the segment's customers (at most 10,000). Answers how many members there are "
            + "and how many are included now.")
    @APIResponse(responseCode = "200", description = "The campaign with its member counts.")
    public Map<String, Object> refresh(@PathParam("id") String id) {
        return campaigns.refresh(Paging.id("id", id));
    }

    @GET
    @Path("/{id}/members")
    @PermissionsAllowed(READ)
    @Operation(operationId = "listCampaignMembers", summary = "Members with their standing now", description = "Each member is included, or excluded with the reason: "
            + "'no consent for <purpose> on <channel>' or 'held: <hold reason>' (holds of scope campaigns, e.g. support's while a "
            + "high-priority ticket is open). Consent and holds are checked at read time. ?status=included|excluded filters.")
    @APIResponse(responseCode = "200", description = "One page of members.")
    public Map<String, Object> members(@PathParam("id") String id, @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return campaigns.members(Paging.id("id", id), status, limit, cursor);
    }
}
