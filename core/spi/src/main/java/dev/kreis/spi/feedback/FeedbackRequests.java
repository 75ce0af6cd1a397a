package dev.kreis.spi.feedback;

import java.util.Optional;
import java.util.UUID;

/**
 * Asks customers for feedback through the platform's surveys. Implemented by the platform; inject it.
 *
 * <p>The invitation uses the newest survey of the requested kind that is not deleted (CX managers
 * create surveys at {@code /api/v1/surveys}); the answer arrives as a {@code feedback.<kind>}
 * touchpoint whose payload names {@code contextTouchpointId}, so the score is attributed to the module's
 * interaction. Joins the caller's transaction. Thread-safe. Stability: stable.
 */
public interface FeedbackRequests {

    /**
     * Issues an invitation.
     *
     * @param kind                {@code nps}, {@code csat} or {@code ces}
     * @param customerId          who is asked
     * @param contextTouchpointId the touchpoint the feedback is about (e.g. the ticket's resolution)
     * @param requestedBy         who asks, for the record (a module id or user name)
     * @return the invitation, or empty when there is no survey of that kind to invite to or the customer was erased
     * @throws IllegalArgumentException if {@code kind} is not one of the three
     */
    Optional<SurveyInvitation> invite(String kind, UUID customerId, UUID contextTouchpointId, String requestedBy);
}
