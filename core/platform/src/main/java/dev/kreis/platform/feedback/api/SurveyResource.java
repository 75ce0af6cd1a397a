package dev.kreis.platform.feedback.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.feedback.Invitations;
import dev.kreis.platform.feedback.SurveyResults;
import dev.kreis.platform.feedback.Surveys;
import dev.kreis.platform.security.Permissions;
import dev.kreis.spi.api.ChangesSettings;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
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

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
public class SurveyResource {
    private final Surveys surveys;
    private final Invitations invitations;
    private final SurveyResults results;
    private final SecurityIdentity caller;

    SurveyResource(Surveys surveys, Invitations invitations, SurveyResults results, SecurityIdentity caller) {
        this.surveys = surveys;
        this.invitations = invitations;
        this.results = results;
        this.caller = caller;
    }

    @POST
    @ChangesSettings
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.FEEDBACK_WRITE)
    @Operation(operationId = "createSurvey", summary = "Create an NPS, CSAT or CES survey, with an optional comment question")
    @APIResponse(responseCode = "201", description = "The survey", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SurveyView.class)), headers = @Header(name = "Location", description = "The URL of what was created", required = true, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "422", description = "Invalid fields; each is named")
    public Response create(SurveyRequest request) {
        var row = surveys.create(SurveyRequests.validate(request));
        return Response.created(URI.create("/api/v1/surveys/" + row.id())).entity(SurveyView.of(row, new long[] { 0, 0 })).build();
    }

    @GET
    @PermissionsAllowed(Permissions.FEEDBACK_READ)
    @Operation(operationId = "listSurveys", summary = "Surveys, newest first, with invitations sent and answered")
    @APIResponse(responseCode = "200", description = "One page of surveys", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SurveyView.ListPage.class)))
    public Page<SurveyView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return surveys.list(Cursor.decode(cursor), QueryParams.limit(limit)).map(row -> SurveyView.of(row, surveys.counts(row.id())));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.FEEDBACK_READ)
    @Operation(operationId = "getSurvey", summary = "One survey")
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(responseCode = "200")
    public SurveyView get(@PathParam("id") String id) {
        var row = surveys.get(Ids.parse("id", id));
        return SurveyView.of(row, surveys.counts(row.id()));
    }

    @GET
    @Path("/{id}/results")
    @PermissionsAllowed(Permissions.FEEDBACK_READ)
    @Operation(operationId = "getSurveyResults", summary = "A survey's results: distribution, figure and trend",
            description = "Every score of the survey's scale with its number of answers; the figure (NPS, CSAT top-two-box %, CES mean, "
                    + "as the KPIs define them) over all answers and per week or month (UTC).")
    @APIResponse(responseCode = "200", description = "The results", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SurveyResultsView.class), examples = @ExampleObject(name = "nps", value = RESULTS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed id or interval",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Without feedback:read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SurveyResultsView results(@PathParam("id") @Parameter(description = "The survey's id") String id,
            @QueryParam("interval") @Parameter(description = "The trend's period: week or month (default)") String interval) {
        SurveyResults.Interval length = QueryParams.wire("interval", interval, SurveyResults.Interval::fromWire, "week, month")
                .orElse(SurveyResults.Interval.MONTH);
        return SurveyResultsView.of(results.results(Ids.parse("id", id), length));
    }

    @GET
    @Path("/{id}/answers")
    @PermissionsAllowed(Permissions.FEEDBACK_READ)
    @Operation(operationId = "listSurveyAnswers", summary = "A survey's answers with comments, newest first",
            description = "Each answer with its score, comment and the customer who gave it (after merges); cursor paging.")
    @APIResponse(responseCode = "200", description = "One page of answers", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnswerPage.class), examples = @ExampleObject(name = "answers", value = ANSWERS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed id, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Without feedback:read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<SurveyAnswerView> answers(@PathParam("id") @Parameter(description = "The survey's id") String id,
            @QueryParam("limit") @Parameter(description = "Answers per page, 1–500 (default 50)") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return results.answers(Ids.parse("id", id), Cursor.decode(cursor), QueryParams.limit(limit)).map(SurveyAnswerView::of);
    }

    /** The answers page as the API document shows it. */
    @Schema(name = "SurveyAnswerPage")
    public record AnswerPage(@Schema(required = true) List<SurveyAnswerView> items,
            @Schema(nullable = true, description = "The next page's cursor; null on the last page") String nextCursor) {
    }

    private static final String RESULTS_EXAMPLE = """
            {"surveyId": "6f1c2d4e-0a7b-4c1e-9d2f-3b5a7c9e1f20", "kind": "nps", "answers": 3, "value": 33.3333,
             "distribution": [{"score": 0, "answers": 0}, {"score": 3, "answers": 1}, {"score": 9, "answers": 1}, {"score": 10, "answers": 1}],
             "interval": "month", "trend": [{"from": "2031-01-01", "answers": 3, "value": 33.3333}]}""";
    private static final String ANSWERS_EXAMPLE = """
            {"items": [{"id": "0d3c5b7a-9e1f-4a2b-8c4d-6e8f0a1b2c3d", "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f",
              "score": 9, "comment": "Quick and kind", "answeredAt": "2031-01-21T10:15:00Z"}], "nextCursor": null}""";

    @PUT
    @ChangesSettings
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.FEEDBACK_WRITE)
    @Operation(operationId = "updateSurvey", summary = "Change a survey's name, questions and link validity (not its kind)")
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(responseCode = "422", description = "Invalid fields, or a change of kind; each is named")
    @APIResponse(responseCode = "200", description = "The changed survey", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SurveyView.class)))
    public SurveyView update(@PathParam("id") String id, SurveyRequest request) {
        var row = surveys.update(Ids.parse("id", id), SurveyRequests.validate(request));
        return SurveyView.of(row, surveys.counts(row.id()));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.FEEDBACK_WRITE)
    @Operation(operationId = "deleteSurvey", summary = "Delete a survey: no new invitations; open links answer 410; answers already given stay on the timelines")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such survey")
    public Response delete(@PathParam("id") String id) {
        surveys.delete(Ids.parse("id", id));
        return Response.noContent().build();
    }

    /** Body of an invitation: the customer and, optionally, the touchpoint the survey asks about. */
    @Schema(example = "{\"customerId\": \"5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f\", \"context\": {\"touchpointId\": \"7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d3f\"}}")
    public record InvitationRequest(@Schema(required = true, description = "The customer to invite") UUID customerId, @Schema(description = "What the survey is about; optional") Context context) {
        /** What the survey is about. */
        public record Context(@Schema(description = "The touchpoint the survey asks about") UUID touchpointId) {
        }
    }

    /**
     * A new invitation: the token, the public API path and the answer page to send to the customer
     * ({@code answerPath}, {@code /answer/{token}}, served without sign-in); shown once.
     */
    @Schema(example = """
            {"id": "1e3a5c7e-9b1d-4f3a-8c5e-7a9b1d3f5a7c", "surveyId": "6f1c2d4e-0a7b-4c1e-9d2f-3b5a7c9e1f20",
             "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "token": "q7Hk2vXbN4pL9sRt3wYz8aCd5eFg1hJm",
             "responsePath": "/public/v1/responses/q7Hk2vXbN4pL9sRt3wYz8aCd5eFg1hJm", "expiresAt": "2026-01-16T08:00:00Z",
             "answerPath": "/answer/q7Hk2vXbN4pL9sRt3wYz8aCd5eFg1hJm"}""")
    public record InvitationView(@Schema(required = true) UUID id, @Schema(required = true) UUID surveyId, @Schema(required = true) UUID customerId, @Schema(required = true, description = "The single-use secret of the link; shown only here") String token, @Schema(required = true, description = "The public API path to read and answer the survey") String responsePath, @Schema(required = true, format = "date-time") OffsetDateTime expiresAt,
            @Schema(required = true, description = "The page where the customer answers in a browser, without signing in") String answerPath) {
    }

    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.FEEDBACK_WRITE)
    @Operation(operationId = "inviteToSurvey", summary = "Invite a customer: a single-use, expiring, unguessable response link (shown once)",
            description = "The customer answers at GET/POST /public/v1/responses/{token}, without logging in.")
    @APIResponse(responseCode = "201", description = "The invitation with its single-use link", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such survey, customer or context touchpoint")
    @APIResponse(responseCode = "422", description = "customerId is missing, or the context is invalid")
    public Response invite(@PathParam("id") String id, InvitationRequest request) {
        UUID surveyId = Ids.parse("id", id);
        if (request == null) {
            throw new MalformedRequestException("body", "is required");
        }
        if (request.customerId() == null) {
            throw new InvalidInputException("customerId", "is required");
        }
        UUID context = request.context() == null ? null : request.context().touchpointId();
        Invitations.Issued issued = invitations.invite(surveyId, request.customerId(), context, caller.getPrincipal().getName());
        return Response.status(201).entity(new InvitationView(issued.invitation().id(), surveyId, issued.invitation().customerId(),
                issued.token(), "/public/v1/responses/" + issued.token(), issued.invitation().expiresAt(), "/answer/" + issued.token())).build();
    }
}
