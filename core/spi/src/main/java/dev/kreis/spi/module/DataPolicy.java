package dev.kreis.spi.module;

/**
 * What happens to a module's data when it is uninstalled.
 *
 * <p>Stability: stable.
 */
public enum DataPolicy {
    /** Keep the module's rows and touchpoints; a later install brings everything back. */
    KEEP,
    /** Delete the module's rows and its touchpoints; nothing of it remains. */
    PURGE
}
