package dev.kreis.module.marketing;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import dev.kreis.spi.api.ProblemException;
import jakarta.validation.Valid;
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
    static final String EMAIL_EVENT_REQUEST = "{\"campaignId\": \"8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918\", \"customerId\": "
            + "\"4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01\", \"event\": \"opened\", \"occurredAt\": \"2026-01-31T09:30:00Z\", "
            + "\"externalId\": \"msg-77120-open\"}";
    static final String EMAIL_EVENT_EXAMPLE = "{\"id\": \"0e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b\", \"externalId\": \"msg-77120-open\", "
            + "\"campaignId\": \"8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918\", \"customerId\": \"4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01\", "
            + "\"event\": \"opened\", \"type\": \"marketing.email_opened\", \"occurredAt\": \"2026-01-31T09:30:00Z\", "
            + "\"touchpointId\": \"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\", \"duplicate\": false}";
    static final String EMAIL_EVENT_LISTED = "{\"id\": \"0e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b\", \"externalId\": \"msg-77120-open\", "
            + "\"campaignId\": \"8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918\", \"customerId\": \"4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01\", "
            + "\"event\": \"opened\", \"type\": \"marketing.email_opened\", \"occurredAt\": \"2026-01-31T09:30:00Z\", "
            + "\"touchpointId\": \"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\", \"duplicate\": false}";
    static final String VISIT_EXAMPLE = "{\"id\": \"6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b\", \"externalId\": \"visit-8842\", \"customerId\": \"4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01\", \"url\": \"https://shop.example.com/pricing\", \"occurredAt\": \"2026-01-31T09:30:00Z\", \"type\": \"marketing.web_visit\", \"touchpointId\": \"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\"}";
    static final String FORM_EXAMPLE = "{\"id\": \"3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9\", \"externalId\": \"form-5531\", \"form\": \"whitepaper\", \"customerId\": \"4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01\", \"email\": \"anna@example.com\", \"firstName\": \"Anna\", \"lastName\": \"Berg\", \"phone\": null, \"fields\": {\"topic\": \"retention\", \"employees\": \"250\"}, \"occurredAt\": \"2026-01-31T09:30:00Z\", \"type\": \"marketing.form_submitted\", \"touchpointId\": \"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\"}";

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
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingRequests.EmailEventsRequest.class), examples = {
                    @ExampleObject(name = "single", value = EMAIL_EVENT_REQUEST),
                    @ExampleObject(name = "batch", value = "{\"events\": [" + EMAIL_EVENT_REQUEST + "]}") }))
    @APIResponse(responseCode = "200", description = "A batch: counts and one outcome per event; or a single event that is a duplicate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = { MarketingViews.EmailEventBatch.class,
                    MarketingViews.EmailEventView.class }), examples = @ExampleObject(name = "batch", value = "{\"accepted\": 1, "
                            + "\"duplicates\": 0, \"items\": [" + EMAIL_EVENT_EXAMPLE + "]}")))
    @APIResponse(responseCode = "201", description = "A single event, stored; Location names the customer's timeline.",
            headers = @Header(name = "Location", description = "The customer's timeline", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketingViews.EmailEventView.class),
                    examples = @ExampleObject(name = "event", value = EMAIL_EVENT_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The same externalId was recorded by a concurrent request; retry.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response emailEvents(@Valid MarketingRequests.EmailEventsRequest body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        EmailEvents.Result result = emailEvents.record(body);
        if (result.batch()) {
            return Response.ok(new MarketingViews.EmailEventBatch(result.accepted(), result.duplicates(), result.items())).build();
        }
        MarketingViews.EmailEventView event = result.items().get(0);
        return result.accepted() == 1 ? Response.created(java.net.URI.create("/api/v1/customers/" + event.customerId() + "/timeline"))
                .entity(event).build() : Response.ok(event).build();
    }

    @POST
    @Path("/web-visits")
    @PermissionsAllowed(CampaignResource.WRITE)
    @Operation(operationId = "recordWebVisit", summary = "Record a web visit of a known customer",
            description = "customerId or email, url (absolute http/https), occurredAt, externalId (a repeated id is a duplicate). "
                    + "Becomes a marketing.web_visit touchpoint (phase awareness, channel web).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingRequests.WebVisit.class), examples = @ExampleObject(name = "visit", value = "{\"customerId\": "
                    + "\"4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01\", \"url\": \"https://shop.example.com/pricing\", \"occurredAt\": "
                    + "\"2026-01-31T09:30:00Z\", \"externalId\": \"visit-8842\"}")))
    @APIResponse(responseCode = "200", description = "A duplicate of a visit recorded before: that visit.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketingViews.WebVisitView.class),
            examples = @ExampleObject(name = "visit", value = VISIT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the customer's timeline.",
            headers = @Header(name = "Location", description = "The customer's timeline", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketingViews.WebVisitView.class),
                    examples = @ExampleObject(name = "visit", value = VISIT_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The same externalId was recorded by a concurrent request; retry.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response webVisit(@Valid MarketingRequests.WebVisit body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        WebActivity.Outcome outcome = web.visit(body);
        return outcome(outcome, ((MarketingViews.WebVisitView) outcome.view()).customerId());
    }

    @POST
    @Path("/form-submissions")
    @PermissionsAllowed(CampaignResource.WRITE)
    @Operation(operationId = "recordFormSubmission", summary = "Record a form submission",
            description = "form (name), email, optional firstName, lastName, phone, fields (at most 50 entries), occurredAt (default now) "
                    + "and externalId (a repeated id is a duplicate). The contact goes through identity resolution, then a "
                    + "marketing.form_submitted touchpoint is recorded.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketingRequests.FormSubmission.class), examples = @ExampleObject(name = "form", value = "{\"form\": "
                    + "\"whitepaper\", \"email\": \"anna@example.com\", \"firstName\": \"Anna\", \"lastName\": \"Berg\", \"fields\": "
                    + "{\"topic\": \"retention\", \"employees\": 250}, \"externalId\": \"form-5531\"}")))
    @APIResponse(responseCode = "200", description = "A duplicate of a submission recorded before: that submission.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketingViews.FormSubmissionView.class),
            examples = @ExampleObject(name = "form", value = FORM_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the customer's timeline.",
            headers = @Header(name = "Location", description = "The customer's timeline", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketingViews.FormSubmissionView.class),
                    examples = @ExampleObject(name = "form", value = FORM_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The same externalId was recorded by a concurrent request; retry.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "422", description = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    public Response formSubmission(@Valid MarketingRequests.FormSubmission body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        WebActivity.Outcome outcome = web.submit(body);
        return outcome(outcome, ((MarketingViews.FormSubmissionView) outcome.view()).customerId());
    }

    /** 200 with the earlier record for a duplicate; 201 naming the customer's timeline (where the touchpoint is) otherwise. */
    private static Response outcome(WebActivity.Outcome outcome, java.util.UUID customerId) {
        if (outcome.duplicate()) {
            return Response.ok(outcome.view()).build();
        }
        return Response.created(java.net.URI.create("/api/v1/customers/" + customerId + "/timeline")).entity(outcome.view()).build();
    }
}
