package dev.kreis.platform.feedback.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.feedback.SurveyResults;

@Schema(description = "One answer to a survey")
public record SurveyAnswerView(
        @Schema(required = true, description = "The answer's feedback touchpoint", example = "0d3c5b7a-9e1f-4a2b-8c4d-6e8f0a1b2c3d") UUID id,
        @Schema(required = true, description = "The customer who answered (after merges)", example = "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f") UUID customerId,
        @Schema(required = true, description = "The score on the survey's scale (a whole number)", example = "9") int score,
        @Schema(nullable = true, description = "The respondent's comment", example = "Quick and kind") String comment,
        @Schema(required = true, description = "When it was answered", example = "2031-01-21T10:15:00Z") OffsetDateTime answeredAt) {

    static SurveyAnswerView of(SurveyResults.Answer answer) {
        return new SurveyAnswerView(answer.id(), answer.customerId(), answer.score(), answer.comment(), answer.answeredAt());
    }
}
