package dev.kreis.spi.module;

/**
 * How many records of one kind a module would delete when it is uninstalled with {@link DataPolicy#PURGE};
 * reported by {@link KreisModule#purgeCounts(ModuleContext)} for the admin's purge preview.
 *
 * <p>Stability: stable.
 *
 * @param kind  what is counted, a short lower-case key in the plural such as {@code tickets} or {@code deal-stage-changes};
 *              the web UI translates known kinds and shows unknown ones as they are
 * @param count how many there are now, zero or more
 */
public record PurgeCount(String kind, long count) {

    public PurgeCount {
        if (kind == null || !kind.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("kind must be a lower-case key of letters, digits and dashes (at most 64), not " + kind);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
