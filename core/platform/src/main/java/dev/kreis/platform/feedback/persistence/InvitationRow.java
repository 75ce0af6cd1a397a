package dev.kreis.platform.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An invitation to answer a survey, as stored (its token only as a hash). */
public record InvitationRow(UUID id, UUID surveyId, UUID customerId, String tokenHash, UUID contextTouchpointId,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime answeredAt,
        UUID responseTouchpointId) {
}
