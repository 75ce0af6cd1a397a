package dev.kreis.spi.kpi;

import java.util.Set;

/**
 * The KPI engine's aggregations over touchpoints, for modules and declarative modules that build KPIs
 * from touchpoint types rather than their own tables. Implemented by the platform; inject it.
 *
 * <p>Every method honours the query's period (touchpoints whose {@code occurredAt} lies in it), journey
 * phase and segment filters; an empty result has no value ({@link KpiValue#noData()}).
 * Types are touchpoint type keys; each set holds 1 to 50.
 *
 * <p>Thread-safe. Stability: experimental (the set of aggregations may grow).
 */
public interface KpiAggregations {

    /** Number of touchpoints of {@code types}. */
    KpiValue count(KpiQuery query, Set<String> types);

    /** Number of distinct customers with a touchpoint of {@code types}. */
    KpiValue customers(KpiQuery query, Set<String> types);

    /** Sum of the amounts of touchpoints of {@code types}. */
    KpiValue sum(KpiQuery query, Set<String> types);

    /** Mean amount of touchpoints of {@code types} that carry one. */
    KpiValue averageAmount(KpiQuery query, Set<String> types);

    /** Mean score of touchpoints of {@code types} that carry one. */
    KpiValue averageScore(KpiQuery query, Set<String> types);

    /** count({@code numerator}) / count({@code denominator}), as a percentage rounded to 4 places; no value when the denominator is 0. */
    KpiValue ratio(KpiQuery query, Set<String> numerator, Set<String> denominator);

    /** Net Promoter Score of scored touchpoints of {@code types} (scale 0-10). */
    KpiValue nps(KpiQuery query, Set<String> types);

    /** CSAT (share of 4 and 5, in percent) of scored touchpoints of {@code types} (scale 1-5). */
    KpiValue csat(KpiQuery query, Set<String> types);

    /** CES (mean, scale 1-7) of scored touchpoints of {@code types}. */
    KpiValue ces(KpiQuery query, Set<String> types);
}
