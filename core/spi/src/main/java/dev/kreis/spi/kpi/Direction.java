package dev.kreis.spi.kpi;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which way a KPI improves. Targets are judged by it: for {@link #HIGHER_IS_BETTER} a value at or
 * above the target meets it, for {@link #LOWER_IS_BETTER} a value at or below it.
 *
 * <p>Stability: stable. Thread-safe (an enum).
 */
public enum Direction {
    /** More is better, e.g. NPS, CSAT, net revenue retention. */
    HIGHER_IS_BETTER,
    /** Less is better, e.g. churn rate, first response time. */
    LOWER_IS_BETTER;

    /**
     * Whether {@code value} meets {@code target} in this direction (reaching the target exactly meets it).
     *
     * @throws NullPointerException if either argument is {@code null}
     */
    public boolean meets(BigDecimal value, BigDecimal target) {
        int comparison = Objects.requireNonNull(value, "value").compareTo(Objects.requireNonNull(target, "target"));
        return this == HIGHER_IS_BETTER ? comparison >= 0 : comparison <= 0;
    }

    /** The lower-case name used in JSON and storage. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower-case direction name; empty for {@code null} or an unknown name. */
    public static Optional<Direction> fromWire(String wire) {
        for (Direction direction : values()) {
            if (direction.wire().equals(wire)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
