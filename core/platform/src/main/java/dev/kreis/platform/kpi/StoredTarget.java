package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.Period;

/**
 * A KPI's target for a period of UTC days, with the departments that own it and whether it is shared.
 *
 * @param from first day the target applies to; empty for "since always"
 * @param to   first day it no longer applies to (exclusive); empty for "from then on"
 */
public record StoredTarget(UUID id, String kpiKey, Optional<LocalDate> from, Optional<LocalDate> to, BigDecimal value,
        Set<String> owners, boolean shared, AtRiskBand band, String updatedBy, OffsetDateTime updatedAt) {

    public StoredTarget {
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(value, "value");
        owners = Set.copyOf(owners);
    }

    /** Whether the target covers all of {@code period}. */
    public boolean covers(Period period) {
        return from.map(day -> !period.from().isBefore(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())).orElse(true)
                && to.map(day -> !period.to().isAfter(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())).orElse(true);
    }

    /** The target as the calculator judges values against it. */
    public KpiTarget asTarget(Direction direction) {
        return new KpiTarget(value, direction, band);
    }
}
