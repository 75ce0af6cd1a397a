package dev.kreis.platform.kpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiProvider;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Every KPI the installation serves: the core's and those modules contribute through {@link KpiProvider}
 * beans, collected once at start-up. A key contributed twice fails the start and names both providers.
 */
@Startup
@ApplicationScoped
public class KpiRegistry {
    private final Map<String, RegisteredKpi> kpis;

    KpiRegistry(@Any Instance<KpiProvider> providers) {
        List<KpiProvider> all = new ArrayList<>();
        providers.forEach(all::add);
        all.sort(java.util.Comparator.comparing(provider -> provider instanceof CoreKpiProvider ? "" : providerName(provider)));
        this.kpis = index(all);
    }

    /** A KPI, its computation and the provider that contributed it. */
    public record RegisteredKpi(KpiDefinition definition, KpiComputation computation, String provider) {

        /** Whether the platform itself computes this KPI from its rollups. */
        public boolean core() {
            return provider.equals(CoreKpiProvider.class.getName());
        }
    }

    /**
     * The KPIs of {@code providers} by key, in the providers' order.
     *
     * @throws IllegalStateException if two definitions share a key
     */
    static Map<String, RegisteredKpi> index(List<KpiProvider> providers) {
        Map<String, RegisteredKpi> kpis = new LinkedHashMap<>();
        for (KpiProvider provider : providers) {
            String name = providerName(provider);
            for (KpiDefinition definition : provider.definitions()) {
                RegisteredKpi earlier = kpis.get(definition.key());
                if (earlier != null) {
                    throw new IllegalStateException("KPI key '" + definition.key() + "' is contributed by both " + earlier.provider()
                            + " and " + name + "; KPI keys must be unique");
                }
                KpiComputation computation = provider.computation(definition);
                if (computation == null) {
                    throw new IllegalStateException(name + " returned no computation for KPI '" + definition.key() + "'");
                }
                kpis.put(definition.key(), new RegisteredKpi(definition, computation, name));
            }
        }
        return java.util.Collections.unmodifiableMap(kpis);
    }

    /** Every KPI, core KPIs first. */
    public List<RegisteredKpi> all() {
        return List.copyOf(kpis.values());
    }

    /** The KPI with this key. */
    public Optional<RegisteredKpi> find(String key) {
        return Optional.ofNullable(kpis.get(key));
    }

    private static String providerName(KpiProvider provider) {
        String name = provider.getClass().getName();
        int proxy = name.indexOf("_ClientProxy");
        return proxy < 0 ? name : name.substring(0, proxy);
    }
}
