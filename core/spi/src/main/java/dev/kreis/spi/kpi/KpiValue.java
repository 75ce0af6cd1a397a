package dev.kreis.spi.kpi;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A KPI's value for one {@link KpiQuery}, with the number of observations behind it.
 *
 * <p><b>No data is not zero.</b> When nothing was measured (no responses, no customers in the cohort)
 * or the formula's denominator is zero, the value is {@code null}: dashboards show "no data", targets
 * are not judged, and series leave a gap. Never return {@code 0} or a NaN-like sentinel for it.
 *
 * <p>Stability: experimental (see the package documentation). Immutable and thread-safe.
 *
 * @param value      the value in the KPI's {@link KpiUnit}, already rounded the way the KPI documents
 *                   (core KPIs: 4 decimal places, half away from zero); {@code null} when there is no data
 * @param sampleSize how many observations the value rests on (responses, customers, orders…; each
 *                   KPI documents what it counts), at least 0. It may be positive while the value is
 *                   {@code null}, e.g. customer lifetime value when no customer churned
 */
public record KpiValue(BigDecimal value, long sampleSize) {

    /**
     * Validates the sample size.
     *
     * @throws IllegalArgumentException if {@code sampleSize} is negative
     */
    public KpiValue {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sample size must not be negative: " + sampleSize);
        }
    }

    /** The answer when nothing was measured: no value, sample size 0. */
    public static KpiValue noData() {
        return new KpiValue(null, 0);
    }

    /** A value, or no value when {@code value} is empty, resting on {@code sampleSize} observations. */
    public static KpiValue of(Optional<BigDecimal> value, long sampleSize) {
        return new KpiValue(value.orElse(null), sampleSize);
    }

    /** Whether there is a value. */
    public boolean hasValue() {
        return value != null;
    }

    /** The value, empty when there is no data. */
    public Optional<BigDecimal> optionalValue() {
        return Optional.ofNullable(value);
    }
}
