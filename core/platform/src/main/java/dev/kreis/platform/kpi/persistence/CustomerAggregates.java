package dev.kreis.platform.kpi.persistence;

import java.util.List;

import dev.kreis.platform.kpi.Funnel;
import dev.kreis.platform.kpi.Repurchase;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.Filter;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.MrrCohort;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.PeakEndSum;

/**
 * The per-customer aggregates of the funnel, repurchase, peak-end, revenue retention, churn and CLV
 * KPIs, for each bucket {@code [bounds[i], bounds[i + 1])} of epoch days (the filter's own period is
 * ignored). Two implementations compute them in SQL, from {@code kpi_profile_day} grouped by the current
 * customer ({@link KpiRollupQueries}) and from {@code kpi_customer_day} ({@link CustomerDayQueries}); a
 * test holds them, and the in-memory index, to the same values.
 */
public interface CustomerAggregates {

    /** How many customers had each phase as their furthest, per bucket. */
    List<Funnel> funnel(Filter filter, int[] bounds);

    /** Customers with at least one order, and with two or more, per bucket. */
    List<Repurchase> repurchase(Filter filter, int[] bounds);

    /** Σ (peak + end) over customers with a scored touchpoint, per bucket. */
    List<PeakEndSum> peakEnd(Filter filter, int[] bounds);

    /** The revenue-retention cohort and its churn, per bucket. */
    List<MrrCohort> mrrCohort(Filter filter, int[] bounds);
}
