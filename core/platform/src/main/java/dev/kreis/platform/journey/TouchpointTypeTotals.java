package dev.kreis.platform.journey;

import java.math.BigDecimal;
import java.util.Optional;

import dev.kreis.platform.kpi.Ratio;
import dev.kreis.spi.touchpoint.ScoreScale;

/**
 * The touchpoint-level metrics of one touchpoint type in one journey phase over a period, as exact
 * counts and sums; the averages and the share are computed from them and rounded once.
 *
 * @param type             the touchpoint type
 * @param scale            its score scale; empty for types without a score
 * @param touchpoints      touchpoints of this type in the phase and period
 * @param customers        distinct customers they belong to
 * @param scored           those with a score
 * @param scoreSum         the sum of their scores, on the type's scale
 * @param thirtiethsSum    the sum of their normalised scores × 30 (exact, see {@code ScoredTouchpoint})
 * @param companyInitiated those the company started
 */
public record TouchpointTypeTotals(String type, Optional<ScoreScale> scale, long touchpoints, long customers, long scored,
        BigDecimal scoreSum, BigDecimal thirtiethsSum, long companyInitiated) {

    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    /** The mean score on the type's scale, 4 decimal places; empty when none is scored. */
    public Optional<BigDecimal> averageScore() {
        return new Ratio(scoreSum, BigDecimal.valueOf(scored)).value();
    }

    /** The mean normalised score, −1..1, 4 decimal places; empty when none is scored. */
    public Optional<BigDecimal> averageNormalised() {
        return new Ratio(thirtiethsSum, THIRTY.multiply(BigDecimal.valueOf(scored))).value();
    }

    /** 100 × company-initiated ÷ touchpoints, 4 decimal places. */
    public Optional<BigDecimal> companyInitiatedShare() {
        return Ratio.of(companyInitiated, touchpoints).percent();
    }
}
