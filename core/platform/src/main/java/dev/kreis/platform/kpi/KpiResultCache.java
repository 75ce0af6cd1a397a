package dev.kreis.platform.kpi;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers of core KPI queries, kept while the data they were computed from is unchanged: every entry
 * belongs to a {@link Version} read from the database (the fold generation, which every refold bumps
 * in the transaction that changes the rollups, and the latest merge or split), so an entry is never
 * served once another node folded or merged. Per node, bounded by {@code kreis.kpis.cache-entries}.
 */
@ApplicationScoped
public class KpiResultCache {
    private final int maxEntries;
    private final AtomicReference<Entries> entries = new AtomicReference<>(new Entries(null));

    KpiResultCache(KpiConfig config) {
        this.maxEntries = config.cacheEntries();
    }

    /**
     * What the rollups and the customer clusters looked like when a value was computed.
     *
     * @param foldGeneration  {@code kpi_fold_state.generation}
     * @param identityChanged when the latest merge or split happened, {@code null} before the first
     */
    public record Version(long foldGeneration, OffsetDateTime identityChanged) {
    }

    private record Entries(Version version, ConcurrentHashMap<Object, Object> values) {
        Entries(Version version) {
            this(version, new ConcurrentHashMap<>());
        }
    }

    /** The cached answer for {@code key} at {@code version}, computed and kept if absent. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Version version, Supplier<T> compute) {
        if (maxEntries <= 0) {
            return compute.get();
        }
        Entries current = entries.updateAndGet(existing -> Objects.equals(existing.version(), version) ? existing : new Entries(version));
        Object cached = current.values().get(key);
        if (cached != null) {
            return (T) cached;
        }
        T value = compute.get();
        if (current.values().size() >= maxEntries) {
            current.values().clear();
        }
        current.values().put(key, value);
        return value;
    }
}
