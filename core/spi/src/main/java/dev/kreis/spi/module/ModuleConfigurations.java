package dev.kreis.spi.module;

import java.util.Map;

/**
 * A module's settings at any time, not only inside a lifecycle hook. Implemented by the platform; inject it.
 *
 * <p>Each call reads the settings as stored now (on every node the same), so a module should ask once per
 * request rather than once per item. Thread-safe. Stability: stable.
 */
public interface ModuleConfigurations {

    /**
     * The module's validated settings: every key of its configuration schema with the value an admin set
     * or its default, as wire strings.
     *
     * @throws IllegalArgumentException if no module has this id
     */
    Map<String, String> of(String moduleId);
}
