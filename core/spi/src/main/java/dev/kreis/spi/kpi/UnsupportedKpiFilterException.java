package dev.kreis.spi.kpi;

import java.util.Objects;

/**
 * Thrown by a {@link KpiComputation} for a query whose filter it cannot apply, e.g. a KPI computed
 * from a module's own tables that has no journey phase. The platform answers the request with 422
 * and names the filter, instead of returning an unfiltered number under a filtered label.
 *
 * <p>Stability: experimental (see the package documentation).
 */
public class UnsupportedKpiFilterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String kpiKey;
    private final String filter;

    /**
     * @param kpiKey the key of the KPI that was queried
     * @param filter the query parameter it cannot apply: {@code phase}, {@code module} or {@code segment}
     */
    public UnsupportedKpiFilterException(String kpiKey, String filter) {
        super("KPI '" + kpiKey + "' cannot be filtered by " + filter);
        this.kpiKey = Objects.requireNonNull(kpiKey, "kpiKey");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** The key of the KPI that was queried. */
    public String kpiKey() {
        return kpiKey;
    }

    /** The filter that cannot be applied, named like its query parameter. */
    public String filter() {
        return filter;
    }
}
