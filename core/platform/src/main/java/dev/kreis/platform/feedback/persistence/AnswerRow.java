package dev.kreis.platform.feedback.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One answer to a survey: its touchpoint, the customer it belongs to now (after merges), score, comment and time. */
public record AnswerRow(UUID id, UUID customerId, BigDecimal score, String payload, OffsetDateTime answeredAt) {
}
