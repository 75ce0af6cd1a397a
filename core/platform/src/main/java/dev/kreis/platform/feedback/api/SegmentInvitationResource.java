package dev.kreis.platform.feedback.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.feedback.SegmentInvitations;
import dev.kreis.platform.identity.api.ProfileRequests;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invites a segment of customers (the customer list's filters) to a survey, after a count preview. */
@Path("/api/v1/surveys/{id}/invitations/segment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
public class SegmentInvitationResource {
    private static final Set<String> KINDS = Set.of("person", "organisation");
    private static final int MAX_Q = 200;

    private final SegmentInvitations segments;
    private final SecurityIdentity caller;

    SegmentInvitationResource(SegmentInvitations segments, SecurityIdentity caller) {
        this.segments = segments;
        this.caller = caller;
    }

    /** The body: the segment (the customer list's filters), the most customers to invite, and whether only to count. */
    @Schema(name = "SegmentInvitationRequest", example = "{\"q\": \"mustermann\", \"kind\": \"person\", \"source\": \"crm\", \"limit\": 200, \"preview\": true}")
    public record Request(
            @Schema(nullable = true, maxLength = MAX_Q, description = "Search text as in the customer list: part of a name, an e-mail address, a phone"
                    + " number or an external id; left out: every customer") String q,
            @Schema(nullable = true, enumeration = { "person", "organisation" }, description = "Only persons or only organisations") String kind,
            @Schema(nullable = true, description = "Only customers with a profile from this source, such as crm") String source,
            @Schema(required = true, minimum = "1", maximum = "500", description = "The most customers to invite (1-500); newest first") Integer limit,
            @Schema(nullable = true, description = "true: only count, invite nobody; left out: false") Boolean preview) {
    }

    /** One invitation of the segment, with its single-use link (shown once). */
    @Schema(name = "SegmentInvitation")
    public record InvitationLink(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID customerId,
            @Schema(required = true, description = "The single-use token; shown once") String token,
            @Schema(required = true, description = "The page where the customer answers, without signing in") String answerPath,
            @Schema(required = true) OffsetDateTime expiresAt) {
    }

    /** What the segment holds (preview) or what was invited. */
    @Schema(name = "SegmentInvitationResult")
    public record Result(
            @Schema(required = true, description = "Customers of the segment within the limit: counted on a preview, invited otherwise") int matched,
            @Schema(required = true, description = "Whether more customers match than the limit; they are not invited") boolean more,
            @Schema(required = true, description = "The limit the request set") int limit,
            @Schema(required = true, description = "Whether this was only a preview") boolean preview,
            @Schema(required = true, description = "The invitations made, with their links; empty on a preview") List<InvitationLink> invitations) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.FEEDBACK_WRITE)
    @Operation(operationId = "inviteSegmentToSurvey", summary = "Invite a segment of customers to a survey, or count it first (preview)",
            description = "The segment is what the customer list's filters find (q, kind, source), newest first, at most limit (1-500); erased"
                    + " customers are skipped. With preview true nothing changes and the answer says how many would be invited and whether"
                    + " more match. Otherwise every one is invited in one transaction (all or none), each with a single-use link shown once.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Request.class),
            examples = @ExampleObject(name = "preview", value = "{\"q\": \"mustermann\", \"kind\": \"person\", \"limit\": 200, \"preview\": true}")))
    @APIResponse(responseCode = "200", description = "The count (preview) or the invitations made",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Result.class),
                    examples = @ExampleObject(name = "invited", value = "{\"matched\": 1, \"more\": false, \"limit\": 200, \"preview\": false,"
                            + " \"invitations\": [{\"id\": \"0b6f3c52-1d7e-4d36-9d0e-3f1a2b4c5d6e\", \"customerId\": \"5d1c7e0a-8b2f-4a3e-9c6d-7e8f9a0b1c2d\","
                            + " \"token\": \"inv_Jq3...\", \"answerPath\": \"/answer/inv_Jq3...\", \"expiresAt\": \"2026-01-31T10:15:00Z\"}]}")))
    @APIResponse(responseCode = "400", description = "The body is not JSON or the id is not a UUID",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "limit missing or outside 1-500, or an invalid filter; each field is named",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Result invite(@Parameter(description = "The survey's id") @PathParam("id") String id, Request request) {
        UUID surveyId = Ids.parse("id", id);
        if (request == null) {
            throw new MalformedRequestException("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String q = request.q() == null || request.q().isBlank() ? null : request.q().trim();
        if (q != null && q.length() > MAX_Q) {
            errors.add(new FieldError("q", "must be at most " + MAX_Q + " characters"));
        }
        String kind = request.kind() == null || request.kind().isEmpty() ? null : request.kind();
        if (kind != null && !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be person or organisation"));
        }
        String source = request.source() == null || request.source().isEmpty() ? null : request.source();
        if (source != null && !ProfileRequests.SOURCE.matcher(source).matches()) {
            errors.add(new FieldError("source", "must be a profile source: lower-case letters, digits, '.', '_' or '-', at most 100"));
        }
        if (request.limit() == null) {
            errors.add(new FieldError("limit", "is required: the most customers to invite, 1-" + SegmentInvitations.MAX_LIMIT));
        } else if (request.limit() < 1 || request.limit() > SegmentInvitations.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + SegmentInvitations.MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SegmentInvitations.Segment segment = new SegmentInvitations.Segment(q, kind, source);
        int limit = request.limit();
        if (Boolean.TRUE.equals(request.preview())) {
            SegmentInvitations.Matches matches = segments.preview(surveyId, segment, limit);
            return new Result(matches.customerIds().size(), matches.more(), limit, true, List.of());
        }
        SegmentInvitations.Outcome outcome = segments.invite(surveyId, segment, limit, caller.getPrincipal().getName());
        List<InvitationLink> links = outcome.issued().stream().map(issued -> new InvitationLink(issued.invitation().id(),
                issued.invitation().customerId(), issued.token(), "/answer/" + issued.token(), issued.invitation().expiresAt())).toList();
        return new Result(links.size(), outcome.more(), limit, false, links);
    }
}
