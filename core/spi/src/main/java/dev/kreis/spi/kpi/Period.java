package dev.kreis.spi.kpi;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of time, {@code [from, to)}: it contains {@code from} and every instant before
 * {@code to}, but not {@code to} itself.
 *
 * <p>Half-open periods tile: a month ends exactly where the next begins, so a series of days, weeks
 * or months counts every touchpoint exactly once, and the state of a customer at the end of one
 * period is its state at the start of the next. "At the end of the period" therefore means
 * "after every event that happened before {@code to}".
 *
 * <p>Stability: experimental (see the package documentation). Immutable and thread-safe.
 *
 * @param from the first instant inside the period (inclusive)
 * @param to   the first instant after the period (exclusive); strictly after {@code from}
 */
public record Period(Instant from, Instant to) {

    /**
     * Validates the bounds.
     *
     * @throws NullPointerException     if a bound is {@code null}
     * @throws IllegalArgumentException if {@code to} is not strictly after {@code from}
     */
    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("period must end after it starts: from " + from + ", to " + to);
        }
    }

    /** Whether {@code instant} lies inside the period: at or after {@code from} and before {@code to}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** Whether {@code instant} lies before the period starts. */
    public boolean isBeforeStart(Instant instant) {
        return instant.isBefore(from);
    }

    /** Whether {@code instant} lies before the period ends, i.e. at or before its last moment. */
    public boolean isBeforeEnd(Instant instant) {
        return instant.isBefore(to);
    }
}
