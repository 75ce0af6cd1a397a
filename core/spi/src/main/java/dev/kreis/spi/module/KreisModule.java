package dev.kreis.spi.module;

import java.util.List;

import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;

/**
 * A module: one application-scoped CDI bean per module jar implements this interface.
 *
 * <p><b>When called.</b> The platform collects every bean implementing this interface once at start-up
 * and calls {@link #descriptor()} once. The lifecycle hooks run when an admin acts through
 * {@code /api/v1/modules}: each inside the platform's transaction for that action, after the platform
 * has applied the module's migrations (install, upgrade) and before it records the new state, so a hook
 * that throws rolls the action back and the admin sees the hook's message. Hooks are called on one
 * module at a time per installation (the platform serialises lifecycle actions in the database), never
 * concurrently for the same module.
 *
 * <p>On uninstall with {@link DataPolicy#PURGE} the platform deletes the module's touchpoints and its
 * registry entries itself; the module deletes its own rows in {@link #onUninstall}. With
 * {@link DataPolicy#KEEP} nothing is deleted and a later install brings everything back.
 *
 * <p><b>Thread-safety.</b> {@link #descriptor()} and {@link #computation(KpiDefinition)} may be called
 * from any thread at any time and must be side-effect free.
 *
 * <p>Stability: stable.
 */
public interface KreisModule {

    /** What the module is and contributes. Must return an equal descriptor on every call. */
    ModuleDescriptor descriptor();

    /**
     * The computation of one of the descriptor's KPIs. Called once per KPI at start-up; the platform
     * only calls the computation while the module is enabled.
     *
     * @throws IllegalArgumentException if {@code definition} is not one of this module's KPIs
     */
    default KpiComputation computation(KpiDefinition definition) {
        throw new IllegalArgumentException("module " + descriptor().id() + " has no computation for KPI " + definition.key());
    }

    /** The module was installed (first time, or again after an uninstall that kept its data). Its tables exist. */
    default void onInstall(ModuleContext context) {
    }

    /** The module was enabled (also right after {@link #onInstall}). */
    default void onEnable(ModuleContext context) {
    }

    /** The module was disabled; its data stays. */
    default void onDisable(ModuleContext context) {
    }

    /** The module's settings changed; {@code context} carries the new, validated values. */
    default void onConfigure(ModuleContext context) {
    }

    /** A newer version of the module replaced the installed one; its migrations have run. */
    default void onUpgrade(ModuleContext context) {
    }

    /**
     * What {@link #onUninstall} with {@link DataPolicy#PURGE} would delete of the module's own records, counted now,
     * one entry per kind (tickets, deals, campaigns…); shown to the admin before a purge. Must not change anything.
     *
     * <p><b>When called.</b> Only while the module is installed (its tables exist), inside a read transaction of the
     * platform, possibly on several threads at once. The platform counts the module's touchpoints and holds itself;
     * do not report them here. The default reports nothing, right for a module without tables of its own.
     */
    default List<PurgeCount> purgeCounts(ModuleContext context) {
        return List.of();
    }

    /**
     * The module is being uninstalled. With {@link DataPolicy#PURGE} delete every row of the module's
     * tables (the tables themselves stay, empty, so a later install needs no migration).
     */
    default void onUninstall(ModuleContext context, DataPolicy data) {
    }
}
