package dev.kreis.spi.kpi;

/**
 * Computes one KPI's value for a query: period and filters in, {@link KpiValue} out.
 *
 * <p><b>Why a query and not data.</b> KPIs run over millions of touchpoints, and dashboards must stay
 * fast, so the platform cannot load rows and hand them to a computation. A computation receives only
 * the {@link KpiQuery} and fetches what it needs itself, as an aggregate: the platform's own
 * computations read maintained rollups or run one SQL aggregate; a module's computation queries its
 * own tables. Pure arithmetic (the formula, its rounding, "no data") lives apart from the fetching,
 * so it can be tested without a database; the fetching pushes the period and every filter down to
 * the store.
 *
 * <p><b>When called.</b> The platform obtains one computation per definition from
 * {@link KpiProvider#computation(KpiDefinition)} at start-up and keeps it for the life of the
 * application. It calls {@link #compute(KpiQuery)} for every request, once per bucket for a series,
 * and from scheduled jobs that refresh targets' statuses, possibly on several threads at once and on
 * several application nodes.
 *
 * <p><b>Thread-safety.</b> Implementations must be safe for concurrent calls, hold no per-request
 * state in fields, and keep no cache that could go stale across nodes; caching is the platform's job.
 * {@code compute} runs on a worker thread and may block on I/O (JDBC).
 *
 * <p>Stability: experimental (see the package documentation).
 */
@FunctionalInterface
public interface KpiComputation {

    /**
     * The KPI's value for {@code query}.
     *
     * @param query the validated period and filters, never {@code null}
     * @return the value, or a {@link KpiValue} with a {@code null} value when there is no data; never {@code null}
     * @throws UnsupportedKpiFilterException if a filter present in the query cannot be applied
     */
    KpiValue compute(KpiQuery query);
}
