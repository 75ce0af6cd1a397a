package dev.kreis.spi.kpi;

import java.util.Objects;
import java.util.Optional;

import dev.kreis.spi.touchpoint.JourneyPhase;

/**
 * One request for a KPI's value: a period and optional filters. The platform builds it from
 * {@code GET /api/v1/kpis/{key}?from=&to=&phase=&module=&segment=} (and once per bucket for a series)
 * after validating every parameter, and passes it to {@link KpiComputation#compute(KpiQuery)}.
 *
 * <p>Every present filter narrows the data the KPI is computed from; an absent filter does not narrow.
 * A computation must apply every present filter or refuse the query with
 * {@link UnsupportedKpiFilterException}: silently ignoring one would return an unfiltered number
 * under a filtered label.
 *
 * <p>Stability: experimental (see the package documentation); filters may be added in a minor
 * version, which is one more reason for computations to refuse what they do not understand.
 * Immutable and thread-safe.
 *
 * @param period  the period the KPI is computed for
 * @param phase   only touchpoints in this journey phase
 * @param module  only touchpoints from the module with this id (e.g. {@code support}; {@code core}
 *                for the platform's own types)
 * @param segment only customers in the platform-defined customer segment with this key
 */
public record KpiQuery(Period period, Optional<JourneyPhase> phase, Optional<String> module, Optional<String> segment) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if a component is {@code null} (use {@link Optional#empty()})
     * @throws IllegalArgumentException if the module or segment filter is present but blank
     */
    public KpiQuery {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(segment, "segment");
        if (module.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("module filter must not be blank");
        }
        if (segment.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("segment filter must not be blank");
        }
    }

    /** A query for {@code period} without filters. */
    public static KpiQuery over(Period period) {
        return new KpiQuery(period, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This query narrowed to journey phase {@code phase}. */
    public KpiQuery inPhase(JourneyPhase phase) {
        return new KpiQuery(period, Optional.of(phase), module, segment);
    }

    /** This query narrowed to touchpoints of module {@code moduleId}. */
    public KpiQuery fromModule(String moduleId) {
        return new KpiQuery(period, phase, Optional.of(moduleId), segment);
    }

    /** This query narrowed to the customers of segment {@code segmentKey}. */
    public KpiQuery inSegment(String segmentKey) {
        return new KpiQuery(period, phase, module, Optional.of(segmentKey));
    }

    /** Whether any filter is present. */
    public boolean isFiltered() {
        return phase.isPresent() || module.isPresent() || segment.isPresent();
    }
}
