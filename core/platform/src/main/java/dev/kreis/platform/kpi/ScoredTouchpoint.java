package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import dev.kreis.spi.touchpoint.ScoreScale;

/**
 * A touchpoint with a score, as the peak-end rule sees it.
 *
 * <p>Its normalised score puts every scale on −1..1: NPS s → (s − 5) ÷ 5, CSAT s → (s − 3) ÷ 2,
 * CES s → (s − 4) ÷ 3, sentiment as is. Thirds have no exact decimal, so comparisons and sums use the
 * exact value × 30 ({@link #thirtieths()}), which is a whole number for NPS, CSAT and CES and an exact
 * decimal for sentiment; only what is shown is rounded.
 *
 * @param touchpoint what the caller needs to name the touchpoint later (an id, or a view with its type)
 * @param occurredAt when it happened
 * @param scale      the scale of the score
 * @param score      the score, valid on its scale
 * @param <T>        the caller's touchpoint reference
 */
public record ScoredTouchpoint<T>(T touchpoint, Instant occurredAt, ScoreScale scale, BigDecimal score) {

    public ScoredTouchpoint {
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(scale, "scale");
        ScoreOutOfScaleException.check(scale, score);
    }

    /** The normalised score, −1..1, rounded to 4 decimal places. */
    public BigDecimal normalised() {
        return new Ratio(thirtieths(), BigDecimal.valueOf(30)).value().orElseThrow();
    }

    /** 30 × the normalised score, exact. */
    BigDecimal thirtieths() {
        return switch (scale) {
            case NPS -> score.subtract(BigDecimal.valueOf(5)).multiply(BigDecimal.valueOf(6));
            case CSAT -> score.subtract(BigDecimal.valueOf(3)).multiply(BigDecimal.valueOf(15));
            case CES -> score.subtract(BigDecimal.valueOf(4)).multiply(BigDecimal.valueOf(10));
            case SENTIMENT -> score.multiply(BigDecimal.valueOf(30));
        };
    }
}
