package dev.kreis.platform.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.feedback.persistence.AnswerRow;
import dev.kreis.platform.feedback.persistence.SurveyRepository;
import dev.kreis.platform.feedback.persistence.SurveyRow;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a survey's answers say: how many answers each score got, the survey's figure (NPS, CSAT top-two-box,
 * CES mean, as the KPIs define them) over all answers and per week or month (UTC), and the answers themselves.
 */
@ApplicationScoped
public class SurveyResults {

    /** The length of a trend period; weeks start on Monday, months on the 1st, both in UTC. */
    public enum Interval {
        WEEK("week"), MONTH("month");

        private final String wire;

        Interval(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Interval> fromWire(String wire) {
            return Arrays.stream(values()).filter(interval -> interval.wire.equals(wire)).findFirst();
        }

        LocalDate start(LocalDate day) {
            return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
        }
    }

    /** How many answers gave one score. */
    public record ScoreCount(int score, long answers) {
    }

    /** One trend period: its first day, its answers and the figure over them ({@code null} without answers). */
    public record PeriodFigure(LocalDate from, long answers, BigDecimal value) {
    }

    public record Results(SurveyRow survey, long answers, BigDecimal value, List<ScoreCount> distribution, Interval interval,
            List<PeriodFigure> trend) {
    }

    /** One answer with the respondent's comment ({@code null} without one). */
    public record Answer(UUID id, UUID customerId, int score, String comment, OffsetDateTime answeredAt) {
    }

    private final Surveys surveys;
    private final SurveyRepository repository;
    private final ObjectMapper json;

    SurveyResults(Surveys surveys, SurveyRepository repository, ObjectMapper json) {
        this.surveys = surveys;
        this.repository = repository;
        this.json = json;
    }

    public Results results(UUID surveyId, Interval interval) {
        SurveyRow survey = surveys.get(surveyId);
        int min = survey.kind().scale().min().intValue();
        int max = survey.kind().scale().max().intValue();
        long[] total = new long[max - min + 1];
        Map<LocalDate, long[]> periods = new TreeMap<>();
        repository.eachAnswerScore(surveyId, (score, answeredAt) -> {
            int index = score.intValue() - min;
            if (index < 0 || index >= total.length) {
                return;
            }
            total[index]++;
            LocalDate from = interval.start(answeredAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
            periods.computeIfAbsent(from, day -> new long[total.length])[index]++;
        });
        List<ScoreCount> distribution = IntStream.range(0, total.length)
                .mapToObj(index -> new ScoreCount(min + index, total[index])).toList();
        List<PeriodFigure> trend = periods.entrySet().stream()
                .map(period -> new PeriodFigure(period.getKey(), sum(period.getValue()), figure(survey.kind(), min, period.getValue()))).toList();
        return new Results(survey, sum(total), figure(survey.kind(), min, total), distribution, interval, trend);
    }

    /** A survey's answers, newest first. */
    public Page<Answer> answers(UUID surveyId, Cursor before, int limit) {
        surveys.get(surveyId);
        return Page.of(repository.answers(surveyId, before, limit + 1), limit, row -> Cursor.after(row.answeredAt(), row.id()))
                .map(row -> new Answer(row.id(), row.customerId(), row.score().intValue(), comment(row), row.answeredAt()));
    }

    private String comment(AnswerRow row) {
        if (row.payload() == null) {
            return null;
        }
        try {
            return json.readTree(row.payload()).path("comment").textValue();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The payload of answer " + row.id() + " is not JSON", e);
        }
    }

    /**
     * NPS = 100 × (answers 9–10 − answers 0–6) ÷ answers; CSAT = 100 × answers 4–5 ÷ answers; CES = the mean
     * answer; four decimals, {@code null} without answers.
     */
    static BigDecimal figure(SurveyKind kind, int min, long[] counts) {
        long answers = sum(counts);
        if (answers == 0) {
            return null;
        }
        long numerator = 0;
        for (int index = 0; index < counts.length; index++) {
            int score = min + index;
            numerator += switch (kind) {
                case NPS -> score >= 9 ? counts[index] * 100 : score <= 6 ? -counts[index] * 100 : 0;
                case CSAT -> score >= 4 ? counts[index] * 100 : 0;
                case CES -> counts[index] * score;
            };
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(answers), 4, RoundingMode.HALF_UP);
    }

    private static long sum(long[] counts) {
        return Arrays.stream(counts).sum();
    }
}
