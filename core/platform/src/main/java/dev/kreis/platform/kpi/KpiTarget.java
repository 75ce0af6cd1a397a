package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import dev.kreis.spi.kpi.Direction;

/**
 * A KPI's target for a period, and how a value is judged against it.
 *
 * <p>A value on the right side of the target, or exactly on it, is {@link TargetStatus#ON_TRACK}. A
 * value on the wrong side but within the at-risk band is {@link TargetStatus#AT_RISK}; further away it
 * is {@link TargetStatus#OFF_TRACK}. The band's edge itself still counts as at risk. No value (no data)
 * gets no status: missing data is not a missed target.
 *
 * @param value     the target value, in the KPI's unit
 * @param direction the KPI's direction
 * @param band      how far on the wrong side a value is only at risk
 */
public record KpiTarget(BigDecimal value, Direction direction, AtRiskBand band) {

    public KpiTarget {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(band, "band");
    }

    /** A target with the default band, 5 % of the target value. */
    public static KpiTarget of(BigDecimal value, Direction direction) {
        return new KpiTarget(value, direction, AtRiskBand.DEFAULT);
    }

    /** The status of {@code actual}; empty when there is no value. */
    public Optional<TargetStatus> statusOf(Optional<BigDecimal> actual) {
        return actual.map(this::statusOf);
    }

    /** The status of a value. */
    public TargetStatus statusOf(BigDecimal actual) {
        if (direction.meets(actual, value)) {
            return TargetStatus.ON_TRACK;
        }
        BigDecimal shortfall = actual.subtract(value).abs();
        return shortfall.compareTo(band.widthAround(value)) <= 0 ? TargetStatus.AT_RISK : TargetStatus.OFF_TRACK;
    }
}
