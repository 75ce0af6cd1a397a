package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The KPI engine ({@code kreis.kpis.*}); docs/configuration.md documents every key. */
@ConfigMapping(prefix = "kreis.kpis")
public interface KpiConfig {

    /** How often the fold job folds newly received touchpoints into the rollups; 0 turns the job off. */
    @WithDefault("15s")
    Duration foldInterval();

    /**
     * How far before the watermark the fold job looks again, for touchpoints whose transaction committed
     * after later ones were folded (and for clock skew between nodes). Refolding is idempotent.
     */
    @WithDefault("2m")
    Duration foldOverlap();

    /**
     * The most newly received touchpoints a KPI read folds itself before answering; with a larger
     * backlog it answers from the rollups as they are and leaves the backlog to the job.
     */
    @WithDefault("20000")
    int readFoldLimit();

    /**
     * The most days a KPI read refolds itself (each costs a few statements besides re-reading its
     * touchpoints, which {@link #readFoldLimit()} bounds): a backlog spread over more days is left to the job.
     * High enough that a first ingest of a year of history is counted by the read right after it.
     */
    @WithDefault("400")
    int readFoldDays();

    /** Days refolded per transaction (the fold state row stays locked for one transaction). */
    @WithDefault("31")
    int foldDaysPerTransaction();

    /**
     * Days from which on the fold job refolds without keeping the funnel's gap cells (ADR 0009) and rebuilds them in
     * one statement when it has caught up: after a bulk load or import spread over many days, one pass over
     * {@code kpi_customer_day} costs less than keeping the cells day by day. Meanwhile the funnel groups rows.
     */
    @WithDefault("31")
    int gapCellsRebuildDays();

    /** Length of the default period, ending with today (UTC), when a request gives no {@code from}. */
    @WithDefault("90")
    int defaultPeriodDays();

    /** The most points a series may have. */
    @WithDefault("366")
    int maxSeriesPoints();

    /**
     * Core KPI answers kept per node while the rollups and customer clusters they were computed from
     * are unchanged; 0 turns the cache off.
     */
    @WithDefault("10000")
    int cacheEntries();

    /** Gross margin, a fraction 0..1, that customer lifetime value multiplies revenue by. */
    @WithDefault("1")
    BigDecimal grossMargin();

    /**
     * Which touchpoint types are service touchpoints (the proactive share's denominator): type keys, or
     * a prefix ending in {@code *} such as {@code support.*}.
     */
    @WithDefault("support.*")
    List<String> serviceTypes();

    /**
     * Whether each node keeps the per-customer rollup in memory (loaded in the background at start-up,
     * about 30 bytes per profile-day row plus about 100 bytes per profile and customer), so funnel,
     * repurchase, peak-end, revenue retention, churn and CLV aggregate in memory instead of in the
     * database. Off (the default, ADR 0010): the database computes them — a single period from the gap cells and tail
     * sums in milliseconds at any size, series and module or phase filters by grouping rows — and the heap stays flat.
     */
    @WithDefault("false")
    boolean memoryIndex();

    /**
     * Whether the database computes the per-customer KPIs (whenever the in-memory index does not answer:
     * turned off, loading or catching up) from {@code kpi_customer_day}, the rollup per customer that
     * the fold keeps and merges and splits re-point, rather than by grouping {@code kpi_profile_day}
     * per current customer. Same values either way; the fold keeps {@code kpi_customer_day} in both cases.
     */
    @WithDefault("true")
    boolean customerRollup();

    /**
     * Touchpoints a KPI read lets the in-memory index reread before it answers (the days refolded since
     * the index last looked). A larger change, such as a bulk import, is reread on a background thread
     * while the database answers the per-customer KPIs, so no read waits for it.
     */
    @WithDefault("200000")
    long memoryIndexReadRefreshLimit();
}
