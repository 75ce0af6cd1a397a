package dev.kreis.spi.kpi;

import java.util.List;

/**
 * Contributes KPIs to the platform's KPI registry: their definitions and, for each, the computation
 * that produces its values.
 *
 * <p><b>When called.</b> The platform collects every CDI bean implementing this interface once at
 * start-up. It calls {@link #definitions()} once, then {@link #computation(KpiDefinition)} once for
 * each definition returned, and keeps the results for the life of the application. A KPI key must be
 * unique across all providers; a duplicate fails start-up and names both providers. KPIs of a module
 * that is not installed are hidden by the platform; the provider does not need to check.
 *
 * <p><b>Thread-safety.</b> Implementations are application-scoped beans; both methods must be
 * side-effect free and thread-safe.
 *
 * <p>Stability: {@link #definitions()} is stable; {@link #computation(KpiDefinition)} is experimental
 * (see the package documentation).
 */
public interface KpiProvider {

    /** The definitions of the KPIs this provider contributes, in the order a dashboard should list them. */
    List<KpiDefinition> definitions();

    /**
     * The computation for one of this provider's definitions.
     *
     * @param definition one of the definitions returned by {@link #definitions()}
     * @return the computation, never {@code null}
     * @throws IllegalArgumentException if {@code definition} is not one of this provider's definitions
     */
    KpiComputation computation(KpiDefinition definition);
}
