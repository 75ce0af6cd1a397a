package dev.kreis.platform.kpi;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The cached answers for {@code keys} at {@code version}; if any is missing, all of them computed
     * together by {@code computeAll} (one answer per key, in order) and kept.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> getAll(List<?> keys, Version version, Supplier<List<T>> computeAll) {
        if (maxEntries <= 0) {
            return computeAll.get();
        }
        Entries current = current(version);
        List<T> cached = new ArrayList<>(keys.size());
        for (Object key : keys) {
            Object value = current.values().get(key);
            if (value == null) {
                break;
            }
            cached.add((T) value);
        }
        if (cached.size() == keys.size()) {
            return cached;
        }
        List<T> values = computeAll.get();
        if (values.size() != keys.size()) {
            throw new IllegalStateException("computed " + values.size() + " answers for " + keys.size() + " keys");
        }
        for (int i = 0; i < keys.size(); i++) {
            keep(current, keys.get(i), values.get(i));
        }
        return values;
    }

    private Entries current(Version version) {
        return entries.updateAndGet(existing -> Objects.equals(existing.version(), version) ? existing : new Entries(version));
    }

    private void keep(Entries current, Object key, Object value) {
        if (current.values().size() >= maxEntries) {
            current.values().clear();
        }
        current.values().put(key, value);
    }

    /** The cached answer for {@code key} at {@code version}, computed and kept if absent. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Version version, Supplier<T> compute) {
        if (maxEntries <= 0) {
            return compute.get();
        }
        Entries current = current(version);
        Object cached = current.values().get(key);
        if (cached != null) {
            return (T) cached;
        }
        T value = compute.get();
        keep(current, key, value);
        return value;
    }
}
