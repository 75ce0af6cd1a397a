package dev.kreis.platform.feedback.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.feedback.persistence.SurveyRow;

/** A survey with its scale and how many invitations were sent and answered. */
public record SurveyView(UUID id, String name, String kind, String question, @Schema(nullable = true) String commentQuestion, int validDays,
        Scale scale, long invitations, long responses, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The answer's range. */
    public record Scale(int min, int max) {
    }

    static SurveyView of(SurveyRow row, long[] counts) {
        return new SurveyView(row.id(), row.name(), row.kind().wire(), row.question(), row.commentQuestion(), row.validDays(),
                new Scale(row.kind().scale().min().intValue(), row.kind().scale().max().intValue()), counts[0], counts[1],
                row.createdAt(), row.updatedAt());
    }
}
