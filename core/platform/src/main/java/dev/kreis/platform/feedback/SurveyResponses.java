package dev.kreis.platform.feedback;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.platform.api.GoneProblem;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.feedback.persistence.InvitationRow;
import dev.kreis.platform.feedback.persistence.SurveyRepository;
import dev.kreis.platform.feedback.persistence.SurveyRow;
import dev.kreis.platform.privacy.ErasedCustomers;
import dev.kreis.platform.security.Secrets;
import dev.kreis.platform.touchpoint.IngestResult;
import dev.kreis.platform.touchpoint.TouchpointIngestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What respondents do through their link: read the question, answer once. An answer becomes a
 * {@code feedback.<kind>} touchpoint (source {@code kreis-survey}, external id the invitation's id) with the
 * comment, the survey and the context touchpoint in its payload.
 */
@ApplicationScoped
public class SurveyResponses {
    /** The source of the touchpoints answers become. */
    public static final String SOURCE = "kreis-survey";
    public static final int MAX_COMMENT = 2000;

    private final SurveyRepository repository;
    private final TouchpointIngestion ingestion;
    private final ErasedCustomers erased;
    private final ObjectMapper json;
    private final Clock clock;

    SurveyResponses(SurveyRepository repository, TouchpointIngestion ingestion, ErasedCustomers erased, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.ingestion = ingestion;
        this.erased = erased;
        this.json = json;
        this.clock = clock;
    }

    /** What a link asks. */
    public record Question(SurveyRow survey, OffsetDateTime expiresAt) {
    }

    public Question question(String token) {
        InvitationRow invitation = open(token, OffsetDateTime.now(clock));
        return new Question(repository.findAny(invitation.surveyId()).orElseThrow(), invitation.expiresAt());
    }

    /** Records the answer; the link is used up in the same transaction that stores the touchpoint. */
    @Transactional
    public UUID answer(String token, BigDecimal score, String comment) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        InvitationRow invitation = open(token, now);
        SurveyRow survey = repository.findAny(invitation.surveyId()).orElseThrow();
        if (score == null) {
            throw new InvalidInputException("score", "is required");
        }
        if (!survey.kind().scale().accepts(score)) {
            throw new InvalidInputException("score", "must be a whole number from " + survey.kind().scale().min() + " to "
                    + survey.kind().scale().max());
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        if (!repository.claim(invitation.id(), now)) {
            throw new GoneProblem("This survey link has been answered already or has expired");
        }
        IngestResult.Item item = ingestion.ingest(List.of(touchpoint(invitation, survey, score, comment, now))).results().get(0);
        if (!"accepted".equals(item.status())) {
            throw new IllegalStateException("survey answer " + invitation.id() + " was not stored: " + item.status());
        }
        repository.linkResponse(invitation.id(), item.touchpointId());
        if (invitation.contextTouchpointId() != null) {
            repository.attributeToContextModule(item.touchpointId(), invitation.contextTouchpointId());
        }
        return item.touchpointId();
    }

    private InvitationRow open(String token, OffsetDateTime now) {
        InvitationRow invitation = token == null || !token.startsWith(Invitations.PREFIX) || token.length() > 100 ? null
                : repository.invitationByTokenHash(Secrets.hash(token)).orElse(null);
        if (invitation == null) {
            throw new NotFoundProblem("No survey link with this token");
        }
        if (invitation.answeredAt() != null) {
            throw new GoneProblem("This survey link has been answered already");
        }
        if (!invitation.expiresAt().isAfter(now)) {
            throw new GoneProblem("This survey link expired at " + invitation.expiresAt());
        }
        if (repository.find(invitation.surveyId()).isEmpty()) {
            throw new GoneProblem("This survey has been closed");
        }
        if (erased.erased(invitation.customerId())) {
            throw new GoneProblem("This survey link is no longer valid");
        }
        return invitation;
    }

    private ObjectNode touchpoint(InvitationRow invitation, SurveyRow survey, BigDecimal score, String comment, OffsetDateTime now) {
        ObjectNode node = json.createObjectNode();
        node.put("source", SOURCE);
        node.put("externalId", invitation.id().toString());
        node.put("customerId", invitation.customerId().toString());
        node.put("type", survey.kind().touchpointType());
        node.put("occurredAt", now.toString());
        node.put("initiator", "customer");
        node.put("score", score);
        ObjectNode payload = node.putObject("payload");
        payload.put("surveyId", survey.id().toString());
        payload.put("invitationId", invitation.id().toString());
        if (invitation.contextTouchpointId() != null) {
            payload.put("contextTouchpointId", invitation.contextTouchpointId().toString());
        }
        if (comment != null && !comment.isBlank()) {
            payload.put("comment", comment);
        }
        return node;
    }
}
