package dev.kreis.platform.feedback.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

import dev.kreis.platform.feedback.SurveyResponses;
import dev.kreis.platform.security.RateLimits;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The respondent's side of a survey link: public (the token is the credential), rate limited per
 * client address.
 */
@Path("/public/v1/responses/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
@SecurityRequirementsSet
@PermitAll
public class ResponseResource {
    private final SurveyResponses responses;
    private final RateLimits limits;
    private final RoutingContext http;

    ResponseResource(SurveyResponses responses, RateLimits limits, RoutingContext http) {
        this.responses = responses;
        this.limits = limits;
        this.http = http;
    }

    /** What the link asks. */
    @Schema(example = """
            {"kind": "nps", "question": "How likely are you to recommend us to a friend or colleague?", "commentQuestion": "Why?",
             "scale": {"min": 0, "max": 10}, "expiresAt": "2026-01-16T08:00:00Z"}""")
    public record QuestionView(@Schema(required = true, enumeration = { "nps", "csat", "ces" }) String kind, @Schema(required = true, description = "The question to show") String question, @Schema(required = true, description = "The follow-up question for a comment; null when none", nullable = true) String commentQuestion, @Schema(required = true, description = "The range of the score") SurveyView.Scale scale, @Schema(required = true, format = "date-time", description = "When the link stops working") OffsetDateTime expiresAt) {
    }

    /** The answer to recording an answer. */
    @Schema(example = "{\"status\": \"recorded\"}")
    public record Recorded(@Schema(required = true, enumeration = "recorded", description = "Always recorded") String status) {
    }

    /** An answer. */
    @Schema(example = "{\"score\": 9, \"comment\": \"Quick and kind\"}")
    public record Answer(@Schema(required = true, description = "A whole number within the survey's scale (NPS 0-10, CSAT 1-5, CES 1-7)") BigDecimal score, @Schema(maxLength = 2000, description = "An optional comment") String comment) {
    }

    @GET
    @Operation(operationId = "getSurveyQuestion", summary = "The question behind a survey link (no login); 404 unknown, 410 answered or expired")
    @APIResponse(responseCode = "404", description = "No such link")
    @APIResponse(responseCode = "410", description = "The link was answered, expired or its survey was closed")
    @APIResponse(responseCode = "429", description = "Over the rate limit for this address")
    @APIResponse(responseCode = "200")
    public QuestionView question(@PathParam("token") @Parameter(description = "The secret token of the survey link the customer received") String token) {
        limits.publicRequest(address());
        var question = responses.question(token);
        var survey = question.survey();
        return new QuestionView(survey.kind().wire(), survey.question(), survey.commentQuestion(),
                new SurveyView.Scale(survey.kind().scale().min().intValue(), survey.kind().scale().max().intValue()),
                question.expiresAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerSurvey", summary = "Answer a survey link once (no login); 410 when answered or expired, 422 for a score outside the scale")
    @APIResponse(responseCode = "201", description = "The answer was recorded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Recorded.class)))
    @APIResponse(responseCode = "404", description = "No such link")
    @APIResponse(responseCode = "410", description = "The link was answered, expired or its survey was closed")
    @APIResponse(responseCode = "422", description = "A score outside the survey's scale, or a comment that is too long")
    @APIResponse(responseCode = "429", description = "Over the rate limit for this address")
    public Response answer(@PathParam("token") @Parameter(description = "The secret token of the survey link the customer received") String token,
            Answer answer) {
        limits.publicRequest(address());
        responses.answer(token, answer == null ? null : answer.score(), answer == null ? null : answer.comment());
        return Response.status(201).entity(new Recorded("recorded")).build();
    }

    private String address() {
        return http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress();
    }
}
