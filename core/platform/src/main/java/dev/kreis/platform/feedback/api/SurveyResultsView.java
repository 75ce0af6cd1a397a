package dev.kreis.platform.feedback.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.feedback.SurveyResults;

@Schema(description = "What a survey's answers say: the distribution of scores, the survey's figure and its trend")
public record SurveyResultsView(
        @Schema(required = true, description = "The survey", example = "6f1c2d4e-0a7b-4c1e-9d2f-3b5a7c9e1f20") UUID surveyId,
        @Schema(required = true, enumeration = { "nps", "csat", "ces" }, description = "What the survey measures", example = "nps") String kind,
        @Schema(required = true, description = "Answers received", minimum = "0", example = "10") long answers,
        @Schema(nullable = true, description = "NPS (−100 to 100), CSAT top-two-box % (0–100) or CES mean (1–7) over all answers; null without answers",
                example = "20.0000") BigDecimal value,
        @Schema(required = true, description = "Every score of the scale with its number of answers, lowest first") List<ScoreView> distribution,
        @Schema(required = true, enumeration = { "week", "month" }, description = "The trend's period length", example = "month") String interval,
        @Schema(required = true, description = "Periods with answers, oldest first") List<PeriodView> trend) {

    @Schema(description = "How many answers gave one score")
    public record ScoreView(@Schema(required = true, example = "9") int score, @Schema(required = true, minimum = "0", example = "3") long answers) {
    }

    @Schema(description = "The survey's figure in one period")
    public record PeriodView(
            @Schema(required = true, format = "date", description = "First day of the period (UTC; weeks start on Monday)", example = "2031-01-01") LocalDate from,
            @Schema(required = true, minimum = "0", example = "4") long answers,
            @Schema(nullable = true, description = "The figure over the period's answers", example = "25.0000") BigDecimal value) {
    }

    static SurveyResultsView of(SurveyResults.Results results) {
        return new SurveyResultsView(results.survey().id(), results.survey().kind().wire(), results.answers(), results.value(),
                results.distribution().stream().map(score -> new ScoreView(score.score(), score.answers())).toList(),
                results.interval().wire(),
                results.trend().stream().map(period -> new PeriodView(period.from(), period.answers(), period.value())).toList());
    }
}
