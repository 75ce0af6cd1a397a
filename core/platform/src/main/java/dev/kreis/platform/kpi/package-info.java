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
 *
 * <p>The engine around them: {@link dev.kreis.platform.kpi.KpiRegistry} collects the core's and
 * modules' {@link dev.kreis.spi.kpi.KpiProvider}s, {@link dev.kreis.platform.kpi.RollupFolder} keeps the
 * daily rollups current ({@link dev.kreis.platform.kpi.DayFold} folds one day),
 * {@link dev.kreis.platform.kpi.CoreKpiProvider} computes each core KPI from them, and
 * {@link dev.kreis.platform.kpi.KpiEngine} serves values, series, the funnel and targets
 * (docs/adr/0004-kpi-rollups.md).
 */
package dev.kreis.platform.kpi;
