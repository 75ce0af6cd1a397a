package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * An exact quotient of two decimals: the one place where KPIs divide and round.
 *
 * <p>Numerator and denominator stay exact; the quotient is rounded once, to {@link #SCALE} decimal
 * places with {@link RoundingMode#HALF_UP} (half away from zero, as PostgreSQL's {@code round(numeric)}
 * does, so a hand-written SQL check agrees to the last digit). A zero denominator has no quotient:
 * that is "no data", never 0 and never NaN.
 */
public record Ratio(BigDecimal numerator, BigDecimal denominator) {

    /** Decimal places of every KPI value. */
    public static final int SCALE = 4;

    /** How KPI values are rounded to {@link #SCALE} places. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Ratio {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
    }

    /** The ratio of two counts. */
    public static Ratio of(long numerator, long denominator) {
        return new Ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** Whether the denominator is zero, so there is no quotient. */
    public boolean isUndefined() {
        return denominator.signum() == 0;
    }

    /** numerator ÷ denominator, rounded; empty when the denominator is zero. */
    public Optional<BigDecimal> value() {
        return isUndefined() ? Optional.empty() : Optional.of(numerator.divide(denominator, SCALE, ROUNDING));
    }

    /** 100 × numerator ÷ denominator, rounded once; empty when the denominator is zero. */
    public Optional<BigDecimal> percent() {
        return new Ratio(numerator.multiply(HUNDRED), denominator).value();
    }

    /** Rounds an exact value the way every KPI value is rounded. */
    public static BigDecimal rounded(BigDecimal exact) {
        return exact.setScale(SCALE, ROUNDING);
    }
}
