package dev.kreis.platform.feedback;

import dev.kreis.platform.feedback.persistence.SurveyRepository;
import dev.kreis.spi.feedback.FeedbackRequests;
import dev.kreis.spi.feedback.SurveyInvitation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** The SPI's {@link FeedbackRequests}: invitations to the newest survey of a kind, issued like {@code POST /api/v1/surveys/{id}/invitations}. */
@ApplicationScoped
public class ModuleFeedbackRequests implements FeedbackRequests {
    private final SurveyRepository surveys;
    private final Invitations invitations;

    ModuleFeedbackRequests(SurveyRepository surveys, Invitations invitations) {
        this.surveys = surveys;
        this.invitations = invitations;
    }

    @Override
    @Transactional
    public Optional<SurveyInvitation> invite(String kind, UUID customerId, UUID contextTouchpointId, String requestedBy) {
        SurveyKind surveyKind = SurveyKind.fromWire(kind)
                .orElseThrow(() -> new IllegalArgumentException("survey kind must be nps, csat or ces: " + kind));
        return surveys.newestOfKind(surveyKind.wire()).map(survey -> {
            Invitations.Issued issued = invitations.invite(survey.id(), customerId, contextTouchpointId, requestedBy);
            return new SurveyInvitation(issued.invitation().id(), survey.id(), surveyKind.wire(), issued.token(),
                    issued.invitation().expiresAt().toInstant());
        });
    }
}
