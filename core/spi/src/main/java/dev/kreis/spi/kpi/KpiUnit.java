package dev.kreis.spi.kpi;

import java.util.Locale;
import java.util.Optional;

/**
 * The unit a KPI's value is expressed in. Travels as its lower-case name ({@code "duration_seconds"}).
 *
 * <p>The unit tells a dashboard how to format and compare a value; it never changes the number a
 * computation returns. Values are plain decimals: a {@link #PERCENT} of 62.5 % is {@code 62.5}, a
 * {@link #RATIO} of the same share is {@code 0.625}.
 *
 * <p>Stability: stable; new units may be added in a minor version, so code must not switch over this
 * enum without a default branch. Thread-safe (an enum).
 */
public enum KpiUnit {
    /** A score on a KPI-specific scale, e.g. NPS (−100..100), CES (1..7) or peak-end (−1..1). */
    SCORE,
    /** A share expressed in percent, usually 0..100 (net revenue retention may exceed 100). */
    PERCENT,
    /** A dimensionless quotient, e.g. 0.625. */
    RATIO,
    /** An amount of money in the installation's single currency. */
    MONEY,
    /** A number of things: customers, tickets, touchpoints. */
    COUNT,
    /** A duration in seconds, e.g. average first response time. */
    DURATION_SECONDS,
    /** Any other plain number. */
    NUMBER;

    /** The lower-case name used in JSON and storage. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower-case unit name; empty for {@code null} or an unknown name. */
    public static Optional<KpiUnit> fromWire(String wire) {
        for (KpiUnit unit : values()) {
            if (unit.wire().equals(wire)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
