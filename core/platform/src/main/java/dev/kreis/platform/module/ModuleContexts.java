package dev.kreis.platform.module;

import dev.kreis.spi.module.ModuleContext;

import java.util.Map;
import java.util.Optional;

/** The platform's {@link ModuleContext}: an immutable snapshot. */
record ModuleContexts(String moduleId, Map<String, String> config, Optional<String> previousVersion) implements ModuleContext {

    ModuleContexts {
        config = Map.copyOf(config);
    }
}
