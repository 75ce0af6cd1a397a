package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.ScoreScale;

/**
 * Customer satisfaction from answers on the 1–5 scale: CSAT is the top-two-box share, the percentage
 * of answers that are 4 or 5; the mean answer is reported beside it.
 *
 * @param responses answers
 * @param satisfied answers of 4 or 5
 * @param scoreSum  sum of all answers
 */
public record CustomerSatisfaction(long responses, long satisfied, long scoreSum) {

    public CustomerSatisfaction {
        if (responses < 0 || satisfied < 0 || satisfied > responses) {
            throw new IllegalArgumentException("need 0 <= satisfied <= responses, got " + satisfied + " of " + responses);
        }
        if (scoreSum < responses || scoreSum > 5 * responses) {
            throw new IllegalArgumentException("a sum of " + responses + " answers from 1 to 5 cannot be " + scoreSum);
        }
    }

    /** CSAT of individual 1–5 answers. @throws ScoreOutOfScaleException for an answer outside 1–5 */
    public static CustomerSatisfaction ofScores(Collection<Integer> scores) {
        return of(ScoreHistogram.of(ScoreScale.CSAT, scores));
    }

    /** CSAT of a histogram of 1–5 answers. */
    public static CustomerSatisfaction of(ScoreHistogram histogram) {
        if (histogram.scale() != ScoreScale.CSAT) {
            throw new IllegalArgumentException("CSAT needs answers on the csat scale, not " + histogram.scale().wire());
        }
        return new CustomerSatisfaction(histogram.responses(), histogram.countBetween(4, 5), histogram.sum());
    }

    /** CSAT: answers of 4 or 5 in percent of answers, 0..100; empty without answers. */
    public Optional<BigDecimal> topTwoBox() {
        return Ratio.of(satisfied, responses).percent();
    }

    /** The mean answer, 1..5; empty without answers. */
    public Optional<BigDecimal> mean() {
        return Ratio.of(scoreSum, responses).value();
    }

    /** The {@code csat} KPI: the top-two-box share over the number of answers. */
    public KpiValue asKpiValue() {
        return KpiValue.of(topTwoBox(), responses);
    }

    /** The {@code csat_mean} KPI: the mean answer over the number of answers. */
    public KpiValue meanKpi() {
        return KpiValue.of(mean(), responses);
    }

    /** Both sets of answers together. */
    public CustomerSatisfaction plus(CustomerSatisfaction other) {
        return new CustomerSatisfaction(responses + other.responses, satisfied + other.satisfied, scoreSum + other.scoreSum);
    }
}
