package dev.kreis.module.marketing;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.kreis.spi.api.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    static final String ID = "The campaign's id.";
    static final String LIMIT = "Items per page, 1 to 200 (default 50).";
    static final String CURSOR = "The nextCursor of the previous page; absent for the first page.";
    static final String CREATE_EXAMPLE = "{\"name\": \"Spring sale\", \"channel\": \"email\", \"startsOn\": \"2026-03-01\", "
            + "\"endsOn\": \"2026-03-31\", \"budget\": 1200, \"audience\": {\"type\": \"segment\", \"filter\": {\"country\": \"DE\"}}}";
    static final String CAMPAIGN_EXAMPLE = "{\"id\": \"8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918\", \"name\": \"Spring sale\", \"channel\": "
            + "\"email\", \"purpose\": \"marketing\", \"startsOn\": \"2026-03-01\", \"endsOn\": \"2026-03-31\", \"budget\": 1200, "
            + "\"audience\": {\"type\": \"segment\", \"filter\": {\"country\": \"DE\"}}, \"createdAt\": \"2026-01-31T09:30:00Z\", "
            + "\"updatedAt\": \"2026-01-31T09:30:00Z\", \"refreshedAt\": null}";

    static final String ACTIVITY_EXAMPLE = "{\"campaignId\": \"8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918\", \"email\": ["
            + "{\"event\": \"sent\", \"type\": \"marketing.email_sent\", \"events\": 120, \"customers\": 120}, "
            + "{\"event\": \"delivered\", \"type\": \"marketing.email_delivered\", \"events\": 117, \"customers\": 117}, "
            + "{\"event\": \"opened\", \"type\": \"marketing.email_opened\", \"events\": 64, \"customers\": 51}, "
            + "{\"event\": \"clicked\", \"type\": \"marketing.email_clicked\", \"events\": 19, \"customers\": 15}, "
            + "{\"event\": \"bounced\", \"type\": \"marketing.email_bounced\", \"events\": 3, \"customers\": 3}, "
            + "{\"event\": \"unsubscribed\", \"type\": \"marketing.email_unsubscribed\", \"events\": 2, \"customers\": 2}], "
            + "\"lastEmailEventAt\": \"2026-03-04T16:12:00Z\", \"web\": {\"taggedVisits\": 22, \"taggedVisitors\": 14, "
            + "\"memberVisits\": 85, \"memberVisitors\": 40, \"from\": \"2026-03-01T00:00:00Z\", \"to\": \"2026-04-01T00:00:00Z\"}, "
            + "\"computedAt\": \"2026-04-02T08:00:00Z\"}";

    private final Campaigns campaigns;
    private final CampaignActivity activity;

    CampaignResource(Campaigns campaigns, CampaignActivity activity) {
        this.campaigns = campaigns;
        this.activity = activity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "createCampaign", summary = "Create a campaign", description = "name (1-200), channel (email, web, social, sms, event, other), purpose for consent "
            + "(default marketing), startsOn/endsOn (dates, end not before start), budget (>= 0, the installation's currency), audience: "
            + "{\"type\":\"list\",\"customerIds\":[...]} (at most 10,000) or {\"type\":\"segment\",\"filter\":{\"country\":\"DE\"}}.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignRequests.Create.class),
            examples = @ExampleObject(name = "segment", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created: the campaign; Location names it.",
            headers = @Header(name = "Location", description = "The campaign's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketingViews.CampaignView.class),
                    examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response create(@Valid CampaignRequests.Create body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        MarketingViews.CampaignView campaign = campaigns.create(body);
        return Response.created(URI.create("/api/v1/marketing/campaigns/" + campaign.id())).entity(campaign).build();
    }

    @GET
    @PermissionsAllowed(READ)
    @Operation(operationId = "listCampaigns", summary = "Campaigns, newest first", description = "A list audience shows its size instead of its ids; GET one campaign for the ids.")
    @APIResponse(responseCode = "200", description = "One page of campaigns.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingViews.CampaignPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + CAMPAIGN_EXAMPLE + "], \"nextCursor\": null}")))
    public MarketingViews.CampaignPage list(
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return campaigns.list(limit, cursor);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(READ)
    @Operation(operationId = "getCampaign", summary = "One campaign with its full audience", description = "The campaign with its audience (a list with its customer ids, or a segment filter).")
    @APIResponse(responseCode = "200", description = "The campaign.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingViews.CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    public MarketingViews.CampaignView get(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return campaigns.get(Paging.id("id", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "changeCampaign", summary = "Change a campaign's fields", description = "Only the fields present change; null clears startsOn, endsOn or budget "
            + "and resets purpose to marketing. A new audience takes effect with the next members refresh.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignRequests.Change.class),
            examples = @ExampleObject(name = "extend", value = "{\"endsOn\": \"2026-04-15\", \"budget\": null}")))
    @APIResponse(responseCode = "200", description = "The changed campaign.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingViews.CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public MarketingViews.CampaignView change(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid CampaignRequests.Change body) {
        UUID campaignId = Paging.id("id", id);
        if (body == null) {
            throw ProblemException.missingBody();
        }
        return campaigns.change(campaignId, body);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "deleteCampaign", summary = "Delete a campaign and its members", description = "Its e-mail events and their touchpoints stay.")
    @APIResponse(responseCode = "204", description = "Deleted; nothing is returned.")
    public Response delete(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        campaigns.delete(Paging.id("id", id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/members/refresh")
    @PermissionsAllowed(WRITE)
    @Operation(operationId = "refreshCampaignMembers", summary = "Resolve the audience into members", description = "A list's ids as they are now (merged ids become the surviving "
            + "customer, unknown or erased ids are skipped) or the segment's customers (at most 10,000). Answers how many members there are "
            + "and how many are included now.")
    @APIResponse(responseCode = "200", description = "The campaign's member counts.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingViews.Refresh.class), examples = @ExampleObject(name = "refresh", value = "{\"campaignId\": "
                    + "\"8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918\", \"refreshedAt\": \"2026-01-31T09:30:00Z\", \"members\": 120, "
                    + "\"included\": 97, \"excluded\": 23, \"skipped\": 2}")))
    public MarketingViews.Refresh refresh(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return campaigns.refresh(Paging.id("id", id));
    }

    @GET
    @Path("/{id}/members")
    @PermissionsAllowed(READ)
    @Operation(operationId = "listCampaignMembers", summary = "Members with their standing now", description = "Each member is included, or excluded with the reason: "
            + "'no consent for <purpose> on <channel>' or 'held: <hold reason>' (holds of scope campaigns, e.g. support's while a "
            + "high-priority ticket is open). Consent and holds are checked at read time. ?status=included|excluded filters.")
    @APIResponse(responseCode = "200", description = "One page of members.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingViews.MemberPage.class), examples = @ExampleObject(name = "page", value = "{\"items\": "
                    + "[{\"customerId\": \"4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01\", \"status\": \"excluded\", \"reason\": "
                    + "\"no consent for marketing on email\", \"reasons\": [\"no consent for marketing on email\"], \"holds\": [], "
                    + "\"addedAt\": \"2026-01-31T09:30:00Z\"}], \"nextCursor\": null}")))
    public MarketingViews.MemberPage members(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "Only included or only excluded members.", schema = @Schema(enumeration = { "included", "excluded" }))
            @QueryParam("status") String status,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return campaigns.members(Paging.id("id", id), status, limit, cursor);
    }

    @GET
    @Path("/{id}/activity")
    @PermissionsAllowed(READ)
    @Operation(operationId = "getCampaignActivity", summary = "E-mail event counts and web activity of a campaign",
            description = "email: the campaign's e-mail events counted per kind (sent, delivered, opened, clicked, bounced, unsubscribed; "
                    + "events and distinct customers; duplicates by externalId were never stored). web: web visits carry no campaign id, "
                    + "so a visit is attributed only when its URL has utm_campaign=<the campaign's id> (taggedVisits); memberVisits "
                    + "counts visits of the current members within the campaign's period and is context, not attribution. Visits "
                    + "tagged with a campaign name or another UTM value are not counted. Counts are taken at read time.")
    @APIResponse(responseCode = "200", description = "The campaign's activity.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingViews.ActivityView.class), examples = @ExampleObject(name = "activity", value = ACTIVITY_EXAMPLE)))
    public MarketingViews.ActivityView activity(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return activity.of(Paging.id("id", id));
    }

    @GET
    @Path("/{id}/email-events")
    @PermissionsAllowed(READ)
    @Operation(operationId = "listCampaignEmailEvents", summary = "A campaign's e-mail events, newest first",
            description = "Every e-mail event stored for the campaign (by occurredAt, newest first); ?event= keeps one kind. customerId is "
                    + "the customer the event was recorded for (merges after recording are not followed here).")
    @APIResponse(responseCode = "200", description = "One page of e-mail events.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingViews.EmailEventPage.class), examples = @ExampleObject(name = "page", value = "{\"items\": ["
                    + ActivityResource.EMAIL_EVENT_LISTED + "], \"nextCursor\": null}")))
    public MarketingViews.EmailEventPage emailEvents(@Parameter(description = ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "Only events of this kind.", schema = @Schema(enumeration = { "sent", "delivered", "opened", "clicked",
                    "bounced", "unsubscribed" })) @QueryParam("event") String event,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return activity.events(Paging.id("id", id), event, limit, cursor);
    }
}
