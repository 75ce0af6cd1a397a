package dev.kreis.spi.feedback;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation to answer a survey, issued by {@link FeedbackRequests#invite}.
 *
 * <p>Stability: stable. Immutable.
 *
 * @param invitationId the invitation
 * @param surveyId     the survey it belongs to
 * @param kind         {@code nps}, {@code csat} or {@code ces}
 * @param token        the single-use secret the customer answers with ({@code /public/v1/responses/{token}}); shown only here
 * @param expiresAt    when the link stops working
 */
public record SurveyInvitation(UUID invitationId, UUID surveyId, String kind, String token, Instant expiresAt) {

    /** Checks that every component is present. */
    public SurveyInvitation {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
