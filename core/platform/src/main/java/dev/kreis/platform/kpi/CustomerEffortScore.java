package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.ScoreScale;

/**
 * Customer effort from answers on the 1–7 scale (7 = very easy): CES is the mean answer; the share of
 * easy answers (5 to 7) is reported beside it.
 *
 * @param responses answers
 * @param easy      answers of 5, 6 or 7
 * @param scoreSum  sum of all answers
 */
public record CustomerEffortScore(long responses, long easy, long scoreSum) {

    public CustomerEffortScore {
        if (responses < 0 || easy < 0 || easy > responses) {
            throw new IllegalArgumentException("need 0 <= easy <= responses, got " + easy + " of " + responses);
        }
        if (scoreSum < responses || scoreSum > 7 * responses) {
            throw new IllegalArgumentException("a sum of " + responses + " answers from 1 to 7 cannot be " + scoreSum);
        }
    }

    /** CES of individual 1–7 answers. @throws ScoreOutOfScaleException for an answer outside 1–7 */
    public static CustomerEffortScore ofScores(Collection<Integer> scores) {
        return of(ScoreHistogram.of(ScoreScale.CES, scores));
    }

    /** CES of a histogram of 1–7 answers. */
    public static CustomerEffortScore of(ScoreHistogram histogram) {
        if (histogram.scale() != ScoreScale.CES) {
            throw new IllegalArgumentException("CES needs answers on the ces scale, not " + histogram.scale().wire());
        }
        return new CustomerEffortScore(histogram.responses(), histogram.countBetween(5, 7), histogram.sum());
    }

    /** CES: the mean answer, 1..7; empty without answers. */
    public Optional<BigDecimal> score() {
        return Ratio.of(scoreSum, responses).value();
    }

    /** Answers of 5 to 7 in percent of answers, 0..100; empty without answers. */
    public Optional<BigDecimal> shareEasy() {
        return Ratio.of(easy, responses).percent();
    }

    /** The {@code ces} KPI: the mean answer over the number of answers. */
    public KpiValue asKpiValue() {
        return KpiValue.of(score(), responses);
    }

    /** The {@code ces_share_easy} KPI: the share of easy answers over the number of answers. */
    public KpiValue shareEasyKpi() {
        return KpiValue.of(shareEasy(), responses);
    }

    /** Both sets of answers together. */
    public CustomerEffortScore plus(CustomerEffortScore other) {
        return new CustomerEffortScore(responses + other.responses, easy + other.easy, scoreSum + other.scoreSum);
    }
}
