package dev.kreis.platform.kpi;

import java.util.Locale;

/** Where a KPI's value stands against its target. Travels as {@code on-track}, {@code at-risk}, {@code off-track}. */
public enum TargetStatus {
    /** The value meets the target. */
    ON_TRACK,
    /** The value misses the target, but by no more than the at-risk band. */
    AT_RISK,
    /** The value misses the target by more than the at-risk band. */
    OFF_TRACK;

    /** The name used in JSON: lower case with a hyphen. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
