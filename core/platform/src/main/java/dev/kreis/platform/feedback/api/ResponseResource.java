package dev.kreis.platform.feedback.api;

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
    public record QuestionView(String kind, String question, String commentQuestion, SurveyView.Scale scale, OffsetDateTime expiresAt) {
    }

    /** An answer. */
    public record Answer(BigDecimal score, String comment) {
    }

    @GET
    @Operation(summary = "The question behind a survey link (no login); 404 unknown, 410 answered or expired")
    public QuestionView question(@PathParam("token") String token) {
        limits.publicRequest(address());
        var question = responses.question(token);
        var survey = question.survey();
        return new QuestionView(survey.kind().wire(), survey.question(), survey.commentQuestion(),
                new SurveyView.Scale(survey.kind().scale().min().intValue(), survey.kind().scale().max().intValue()),
                question.expiresAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a survey link once (no login); 410 when answered or expired, 422 for a score outside the scale")
    public Response answer(@PathParam("token") String token, Answer answer) {
        limits.publicRequest(address());
        responses.answer(token, answer == null ? null : answer.score(), answer == null ? null : answer.comment());
        return Response.status(201).entity(java.util.Map.of("status", "recorded")).build();
    }

    private String address() {
        return http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress();
    }
}
