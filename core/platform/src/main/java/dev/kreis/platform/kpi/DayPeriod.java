package dev.kreis.platform.kpi;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

import dev.kreis.spi.kpi.Period;

/**
 * A period of whole UTC days, {@code [from, to)}: the unit the KPI API works in, because the rollups
 * are per UTC day.
 *
 * @param from the first day inside the period
 * @param to   the first day after it; after {@code from}
 */
public record DayPeriod(LocalDate from, LocalDate to) {

    public DayPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period must end after it starts: " + from + " to " + to);
        }
    }

    /** The same span as the SPI's instants: midnight UTC to midnight UTC. */
    public Period asPeriod() {
        return new Period(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
