package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Locale;

import dev.kreis.spi.touchpoint.ScoreScale;

/** A score that is not a valid value on its scale, e.g. an NPS of 11 or a CSAT of 0. */
public class ScoreOutOfScaleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final ScoreScale scale;
    private final BigDecimal score;

    public ScoreOutOfScaleException(ScoreScale scale, BigDecimal score) {
        super(scale.wire().toUpperCase(Locale.ROOT) + " score " + (score == null ? "null" : score.toPlainString())
                + " is not on the scale " + scale.min() + ".." + scale.max()
                + (scale.integral() ? " (whole numbers only)" : ""));
        this.scale = scale;
        this.score = score;
    }

    /** The scale the score was given on. */
    public ScoreScale scale() {
        return scale;
    }

    /** The rejected score. */
    public BigDecimal score() {
        return score;
    }

    static BigDecimal check(ScoreScale scale, BigDecimal score) {
        if (!scale.accepts(score)) {
            throw new ScoreOutOfScaleException(scale, score);
        }
        return score;
    }

    static int check(ScoreScale scale, int score) {
        check(scale, BigDecimal.valueOf(score));
        return score;
    }
}
