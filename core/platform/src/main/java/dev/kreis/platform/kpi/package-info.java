/**
 * KPIs: the pure calculators for every core KPI of CX-CONCEPTS.md (feedback scores, revenue and
 * customer retention, lifetime value, orders, proactive share, peak-end, funnel) and target status.
 *
 * <p>Calculators are records of exact aggregates (counts and sums), built from raw observations or
 * from aggregates a database returns, and combinable with {@code plus} so rollups per day can be
 * added up to any period. Every division happens in {@link dev.kreis.platform.kpi.Ratio}, once, at
 * the end, rounded to {@value dev.kreis.platform.kpi.Ratio#SCALE} decimal places half away from zero;
 * a zero denominator means "no data", an empty {@link java.util.Optional}, never 0. docs/kpis.md
 * defines each KPI as computed here.
 */
package dev.kreis.platform.kpi;
