package dev.kreis.platform.feedback;

import dev.kreis.platform.feedback.persistence.SurveyRepository;
import dev.kreis.platform.privacy.ErasedCustomers;
import dev.kreis.spi.feedback.FeedbackRequests;
import dev.kreis.spi.feedback.SurveyInvitation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * The SPI's {@link FeedbackRequests}: invitations to the newest survey of a kind, issued like {@code POST /api/v1/surveys/{id}/invitations};
 * none for an erased customer.
 */
@ApplicationScoped
public class ModuleFeedbackRequests implements FeedbackRequests {
    private final SurveyRepository surveys;
    private final Invitations invitations;
    private final ErasedCustomers erased;

    ModuleFeedbackRequests(SurveyRepository surveys, Invitations invitations, ErasedCustomers erased) {
        this.surveys = surveys;
        this.invitations = invitations;
        this.erased = erased;
    }

    @Override
    @Transactional
    public Optional<SurveyInvitation> invite(String kind, UUID customerId, UUID contextTouchpointId, String requestedBy) {
        SurveyKind surveyKind = SurveyKind.fromWire(kind)
                .orElseThrow(() -> new IllegalArgumentException("survey kind must be nps, csat or ces: " + kind));
        if (erased.erased(customerId)) {
            return Optional.empty();
        }
        return surveys.newestOfKind(surveyKind.wire()).map(survey -> {
            Invitations.Issued issued = invitations.invite(survey.id(), customerId, contextTouchpointId, requestedBy);
            return new SurveyInvitation(issued.invitation().id(), survey.id(), surveyKind.wire(), issued.token(),
                    issued.invitation().expiresAt().toInstant());
        });
    }
}
