package dev.kreis.spi.module;

import java.util.Map;
import java.util.Optional;

/**
 * What the platform tells a module when it calls a lifecycle hook or the module asks for its settings.
 *
 * <p>Stability: stable. Implementations are immutable snapshots, safe to share between threads.
 */
public interface ModuleContext {

    /** The module's id. */
    String moduleId();

    /** The module's validated settings: every key of its schema with a value (set or default), as wire strings. */
    Map<String, String> config();

    /** The version installed before this call, when upgrading; empty on a first install. */
    Optional<String> previousVersion();
}
