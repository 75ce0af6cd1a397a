/**
 * The KPI contract: how the platform and modules describe a KPI ({@link dev.kreis.spi.kpi.KpiDefinition}),
 * contribute it ({@link dev.kreis.spi.kpi.KpiProvider}) and compute it for a period and filters
 * ({@link dev.kreis.spi.kpi.KpiComputation}: {@link dev.kreis.spi.kpi.KpiQuery} in,
 * {@link dev.kreis.spi.kpi.KpiValue} out).
 *
 * <p>The platform's KPI engine owns targets, caching, rollups and the REST API; a contributor only
 * describes its KPIs and answers queries. A computation receives a query, never a list of rows, so it
 * can push the period and the filters down to a database or a rollup table.
 *
 * <p>Stability: {@link dev.kreis.spi.kpi.KpiDefinition}, {@link dev.kreis.spi.kpi.KpiUnit},
 * {@link dev.kreis.spi.kpi.Direction} and {@link dev.kreis.spi.kpi.KpiProvider#definitions()} are
 * stable. The computation side ({@link dev.kreis.spi.kpi.KpiComputation}, {@link dev.kreis.spi.kpi.KpiQuery},
 * {@link dev.kreis.spi.kpi.KpiValue}, {@link dev.kreis.spi.kpi.Period},
 * {@link dev.kreis.spi.kpi.UnsupportedKpiFilterException} and {@link dev.kreis.spi.kpi.KpiProvider#computation})
 * is <b>experimental</b> until the platform's KPI engine ships on top of it: it may still change in a
 * minor version, and the release notes will say how.
 */
package dev.kreis.spi.kpi;
