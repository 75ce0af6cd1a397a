package dev.kreis.platform.module;

import dev.kreis.platform.module.persistence.ModuleRepository;
import dev.kreis.spi.module.ModuleState;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which module ids exist and whether each is enabled, answered from memory: the hot paths (every
 * ingested touchpoint, every module API request, every KPI list) ask here. The copy is read again from
 * {@code module_installation} when older than {@code kreis.modules.state-refresh}, so a change made on
 * another node shows within that time; a change made on this node shows at once.
 */
@ApplicationScoped
public class ModuleStates {
    private final ModuleRepository repository;
    private final long refreshNanos;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile Map<String, String> states = Map.of();
    private volatile long loadedAt = Long.MIN_VALUE;

    ModuleStates(ModuleRepository repository, ModuleConfig config) {
        this.repository = repository;
        this.refreshNanos = config.stateRefresh().toNanos();
    }

    /** Makes an id known as a module's (its types, KPIs and API path are then gated). */
    void declare(String moduleId) {
        known.add(moduleId);
    }

    /** Forgets a module's id: a declarative module whose row another node deleted. */
    void forget(String moduleId) {
        known.remove(moduleId);
    }

    /** Whether {@code id} is a module's id (bundled or uploaded), whatever its state. */
    public boolean isModule(String id) {
        return id != null && known.contains(id);
    }

    /** The module's state; {@link ModuleState#AVAILABLE} when it has never been installed. */
    public ModuleState state(String moduleId) {
        String state = current().get(moduleId);
        return state == null ? ModuleState.AVAILABLE : ModuleState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether {@code id} is not a module's at all, or a module that is enabled: what gating asks. */
    public boolean permits(String id) {
        return !isModule(id) || state(id) == ModuleState.ENABLED;
    }

    /** The known module ids. */
    public Set<String> known() {
        return Set.copyOf(known);
    }

    /**
     * Identifies the copy this node holds: a new object whenever the states are read again, so what was
     * derived from them can be kept until this changes. Reads the table when the copy is due.
     */
    public Object version() {
        return current();
    }

    /** {@link #version()} when the copy is not due to be read again; empty when answering would read the table. */
    public java.util.Optional<Object> versionIfFresh() {
        long loaded = loadedAt;
        Map<String, String> copy = states;
        return loaded == Long.MIN_VALUE || System.nanoTime() - loaded > refreshNanos ? java.util.Optional.empty() : java.util.Optional.of(copy);
    }

    /** Forgets the copy; the next question reads the table again. Called after every lifecycle change. */
    void invalidate() {
        loadedAt = Long.MIN_VALUE;
    }

    private Map<String, String> current() {
        long now = System.nanoTime();
        if (loadedAt == Long.MIN_VALUE || now - loadedAt > refreshNanos) {
            states = Map.copyOf(repository.states());
            loadedAt = now;
        }
        return states;
    }
}
