package dev.kreis.spi.module;

/**
 * Where a module stands in its lifecycle in this installation.
 *
 * <p>Stability: stable.
 */
public enum ModuleState {
    /** Shipped with the distribution (or uploaded) but not installed: its API answers 404, its types are refused, its KPIs hidden. */
    AVAILABLE,
    /** Installed and working. */
    ENABLED,
    /** Installed, its data kept, but switched off: it behaves like {@link #AVAILABLE} until enabled again. */
    DISABLED;

    /** The lower-case name used on the wire. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
