package dev.kreis.platform.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.feedback.SurveyKind;

/** A survey as stored; {@code deletedAt} set means it takes no new invitations and no answers. */
public record SurveyRow(UUID id, String name, SurveyKind kind, String question, String commentQuestion, int validDays,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt) {
}
