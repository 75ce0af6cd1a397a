package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.ScoreScale;

/**
 * Net Promoter Score from answers on the 0–10 scale: promoters 9–10, passives 7–8, detractors 0–6;
 * NPS = 100 × (promoters − detractors) ÷ responses, from −100 to 100.
 *
 * @param promoters  responses of 9 or 10
 * @param passives   responses of 7 or 8
 * @param detractors responses of 0 to 6
 */
public record NetPromoterScore(long promoters, long passives, long detractors) {

    public NetPromoterScore {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
    }

    /** NPS of individual 0–10 answers. @throws ScoreOutOfScaleException for an answer outside 0–10 */
    public static NetPromoterScore ofScores(Collection<Integer> scores) {
        return of(ScoreHistogram.of(ScoreScale.NPS, scores));
    }

    /** NPS of a histogram of 0–10 answers. */
    public static NetPromoterScore of(ScoreHistogram histogram) {
        if (histogram.scale() != ScoreScale.NPS) {
            throw new IllegalArgumentException("NPS needs answers on the nps scale, not " + histogram.scale().wire());
        }
        return new NetPromoterScore(histogram.countBetween(9, 10), histogram.countBetween(7, 8), histogram.countBetween(0, 6));
    }

    /** All answers. */
    public long responses() {
        return promoters + passives + detractors;
    }

    /** The NPS, −100..100, 4 decimal places; empty without responses. */
    public Optional<BigDecimal> value() {
        return Ratio.of(promoters - detractors, responses()).percent();
    }

    /** Promoters in percent of responses; the enhancement level of the CX pyramid. Empty without responses. */
    public Optional<BigDecimal> promoterShare() {
        return Ratio.of(promoters, responses()).percent();
    }

    /** The {@code nps} KPI: the score over the number of responses. */
    public KpiValue asKpiValue() {
        return KpiValue.of(value(), responses());
    }

    /** Both sets of answers together. */
    public NetPromoterScore plus(NetPromoterScore other) {
        return new NetPromoterScore(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }
}
