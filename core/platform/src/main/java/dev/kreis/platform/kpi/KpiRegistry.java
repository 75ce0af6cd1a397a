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
    private volatile Map<String, RegisteredKpi> kpis;
    private final dev.kreis.platform.module.ModuleStates modules;

    KpiRegistry(@Any Instance<KpiProvider> providers, dev.kreis.platform.module.ModuleStates modules) {
        List<KpiProvider> all = new ArrayList<>();
        providers.forEach(all::add);
        all.sort(java.util.Comparator.comparing(provider -> provider instanceof CoreKpiProvider ? "" : providerName(provider)));
        this.kpis = index(all);
        this.modules = modules;
    }

    /**
     * Adds (or replaces) the KPIs of a module. They are listed and computed only while the module is enabled.
     *
     * @throws IllegalStateException if a key belongs to the core or another module
     */
    public synchronized void registerModule(String moduleId, Map<KpiDefinition, KpiComputation> moduleKpis) {
        Map<String, RegisteredKpi> next = new LinkedHashMap<>();
        kpis.forEach((key, kpi) -> {
            if (!moduleId.equals(kpi.module())) {
                next.put(key, kpi);
            }
        });
        moduleKpis.forEach((definition, computation) -> {
            RegisteredKpi earlier = next.get(definition.key());
            if (earlier != null) {
                throw new IllegalStateException("KPI key '" + definition.key() + "' of module " + moduleId + " is already contributed by "
                        + (earlier.module() == null ? earlier.provider() : "module " + earlier.module()));
            }
            next.put(definition.key(), new RegisteredKpi(definition, java.util.Objects.requireNonNull(computation, definition.key()),
                    "module " + moduleId, moduleId));
        });
        kpis = java.util.Collections.unmodifiableMap(next);
    }

    /** Who contributes the KPI: a module id, or {@code core} for the platform and other providers. */
    public Optional<String> owner(String key) {
        RegisteredKpi kpi = kpis.get(key);
        return kpi == null ? Optional.empty() : Optional.of(kpi.module() == null ? "core" : kpi.module());
    }

    /** A KPI, its computation, the provider that contributed it and, for a module's KPI, the module. */
    public record RegisteredKpi(KpiDefinition definition, KpiComputation computation, String provider, String module) {

        public RegisteredKpi(KpiDefinition definition, KpiComputation computation, String provider) {
            this(definition, computation, provider, null);
        }

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

    /** Every KPI served now, core KPIs first; KPIs of modules that are not enabled are left out. */
    public List<RegisteredKpi> all() {
        return kpis.values().stream().filter(this::served).toList();
    }

    /** The KPI with this key, unless it belongs to a module that is not enabled. */
    public Optional<RegisteredKpi> find(String key) {
        return Optional.ofNullable(kpis.get(key)).filter(this::served);
    }

    private boolean served(RegisteredKpi kpi) {
        return kpi.module() == null || modules.permits(kpi.module());
    }

    private static String providerName(KpiProvider provider) {
        String name = provider.getClass().getName();
        int proxy = name.indexOf("_ClientProxy");
        return proxy < 0 ? name : name.substring(0, proxy);
    }
}
