package dev.kreis.spi.touchpoint;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The scale a touchpoint type's score is given on. A score outside {@code [min, max]} is rejected at
 * ingestion; integral scales also reject fractions.
 *
 * <p>Stability: stable.
 */
public enum ScoreScale {
    /** Net Promoter Score question, 0 (not at all likely) to 10 (extremely likely). */
    NPS(0, 10, true),
    /** Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied). */
    CSAT(1, 5, true),
    /** Customer effort, 1 (very difficult) to 7 (very easy). */
    CES(1, 7, true),
    /** Sentiment from text analysis, -1 (negative) to 1 (positive). */
    SENTIMENT(-1, 1, false);

    private final BigDecimal min;
    private final BigDecimal max;
    private final boolean integral;

    ScoreScale(int min, int max, boolean integral) {
        this.min = BigDecimal.valueOf(min);
        this.max = BigDecimal.valueOf(max);
        this.integral = integral;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    /** Whether only whole numbers are valid scores on this scale. */
    public boolean integral() {
        return integral;
    }

    /** Whether {@code score} is a valid value on this scale. */
    public boolean accepts(BigDecimal score) {
        if (score == null || score.compareTo(min) < 0 || score.compareTo(max) > 0) {
            return false;
        }
        return !integral || score.stripTrailingZeros().scale() <= 0;
    }

    /** The lower-case name used in JSON and storage. */
    public String wire() {
        return WireValue.of(this);
    }

    /** Parses a lower-case scale name; empty for {@code null} or an unknown name. */
    public static Optional<ScoreScale> fromWire(String wire) {
        return WireValue.parse(ScoreScale.class, wire);
    }
}
