package dev.kreis.module.marketing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.kreis.spi.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** E-mail events, web visits and form submissions: each a touchpoint on the customer. */
@APIResponse(responseCode = "400", description = "Malformed: an id that is not a UUID, a bad query parameter, a body that is not a JSON object.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "401", description = "No valid credentials.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "403", description = "The caller's roles do not grant this permission.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@APIResponse(responseCode = "404", description = "Not found, or the marketing module is not installed (the problem's detail says which).", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
@Path("/api/v1/marketing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Marketing")
public class ActivityResource {
    private final EmailEvents emailEvents;
    private final WebActivity web;

    ActivityResource(EmailEvents emailEvents, WebActivity web) {
        this.emailEvents = emailEvents;
        this.web = web;
    }

    @POST
    @Path("/email-events")
    @PermissionsAllowed(CampaignResource.WRITE)
    @Operation(operationId = "recordEmailEvents", summary = "Record e-mail events (one, or {\"events\":[...]} up to 1,000)",
            description = "campaignId (an email campaign), customerId, event (sent, delivered, opened, clicked, bounced, unsubscribed), "
                    + "occurredAt, externalId (the provider's id; a repeated id is a duplicate and not stored again). Each becomes a "
                    + "marketing.email_<event> touchpoint. A batch is validated whole before anything is written. A sent event for a "
                    + "customer who is not an included member of the campaign (no consent, or held) is refused with 422 naming customerId.")
    @APIResponse(responseCode = "200", description = "A batch: counts and one outcome per event; or a single event that is a duplicate.")
    @APIResponse(responseCode = "201", description = "A single event, stored.")
    @APIResponse(responseCode = "409", description = "The same externalId was recorded by a concurrent request; retry.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response emailEvents(JsonNode body) {
        EmailEvents.Result result = emailEvents.record(body);
        if (result.batch()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("accepted", result.accepted());
            out.put("duplicates", result.duplicates());
            out.put("items", result.items());
            return Response.ok(out).build();
        }
        return Response.status(result.accepted() == 1 ? Response.Status.CREATED : Response.Status.OK).entity(result.items().get(0)).build();
    }

    @POST
    @Path("/web-visits")
    @PermissionsAllowed(CampaignResource.WRITE)
    @Operation(operationId = "recordWebVisit", summary = "Record a web visit of a known customer",
            description = "customerId or email, url (absolute http/https), occurredAt, externalId (a repeated id is a duplicate). "
                    + "Becomes a marketing.web_visit touchpoint (phase awareness, channel web).")
    @APIResponse(responseCode = "200", description = "A duplicate of a visit recorded before.")
    @APIResponse(responseCode = "201", description = "Recorded.")
    @APIResponse(responseCode = "409", description = "The same externalId was recorded by a concurrent request; retry.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response webVisit(JsonNode body) {
        WebActivity.Outcome outcome = web.visit(body);
        return Response.status(outcome.duplicate() ? Response.Status.OK : Response.Status.CREATED).entity(outcome.view()).build();
    }

    @POST
    @Path("/form-submissions")
    @PermissionsAllowed(CampaignResource.WRITE)
    @Operation(operationId = "recordFormSubmission", summary = "Record a form submission",
            description = "form (name), email, optional firstName, lastName, phone, fields (at most 50 entries), occurredAt (default now) "
                    + "and externalId (a repeated id is a duplicate). The contact goes through identity resolution, then a "
                    + "marketing.form_submitted touchpoint is recorded.")
    @APIResponse(responseCode = "200", description = "A duplicate of a submission recorded before.")
    @APIResponse(responseCode = "201", description = "Recorded.")
    @APIResponse(responseCode = "409", description = "The same externalId was recorded by a concurrent request; retry.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response formSubmission(JsonNode body) {
        WebActivity.Outcome outcome = web.submit(body);
        return Response.status(outcome.duplicate() ? Response.Status.OK : Response.Status.CREATED).entity(outcome.view()).build();
    }
}
