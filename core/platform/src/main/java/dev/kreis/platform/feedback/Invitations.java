package dev.kreis.platform.feedback;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.customer.CustomerDirectory;
import dev.kreis.platform.feedback.persistence.InvitationRow;
import dev.kreis.platform.feedback.persistence.SurveyRepository;
import dev.kreis.platform.feedback.persistence.SurveyRow;
import dev.kreis.platform.privacy.ErasedCustomers;
import dev.kreis.platform.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Invitations to answer a survey: a single-use, expiring link whose token (256 random bits) is shown
 * once, to be sent to the customer, and stored only as a hash. An erased customer is not invited (409).
 */
@ApplicationScoped
public class Invitations {
    /** Prefix of response tokens, so a link is recognisable in mail logs. */
    public static final String PREFIX = "kr_";

    private final Surveys surveys;
    private final SurveyRepository repository;
    private final CustomerDirectory customers;
    private final ErasedCustomers erased;
    private final Clock clock;

    Invitations(Surveys surveys, SurveyRepository repository, CustomerDirectory customers, ErasedCustomers erased, Clock clock) {
        this.surveys = surveys;
        this.repository = repository;
        this.customers = customers;
        this.erased = erased;
        this.clock = clock;
    }

    /** An invitation and its token; the token exists only in this object. */
    public record Issued(InvitationRow invitation, String token) {
    }

    @Transactional
    public Issued invite(UUID surveyId, UUID customerId, UUID contextTouchpointId, String actor) {
        SurveyRow survey = surveys.get(surveyId);
        UUID customer = customers.require(customerId).id();
        erased.refuseWrite(customer, "customerId");
        if (contextTouchpointId != null && !repository.touchpointExists(contextTouchpointId)) {
            throw new InvalidInputException("context.touchpointId", "no touchpoint with id " + contextTouchpointId);
        }
        String token = Secrets.generate(PREFIX);
        OffsetDateTime now = OffsetDateTime.now(clock);
        InvitationRow row = new InvitationRow(UUID.randomUUID(), survey.id(), customer, Secrets.hash(token), contextTouchpointId,
                actor, now, now.plusDays(survey.validDays()), null, null);
        repository.insert(row);
        return new Issued(row, token);
    }
}
