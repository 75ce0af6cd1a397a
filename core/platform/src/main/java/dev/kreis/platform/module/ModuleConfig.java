package dev.kreis.platform.module;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The module registry ({@code kreis.modules.*}); docs/configuration.md documents every key. */
@ConfigMapping(prefix = "kreis.modules")
public interface ModuleConfig {

    /**
     * The core version modules' {@code coreVersions} ranges are checked against; defaults to the
     * application's version without a {@code -SNAPSHOT} suffix.
     */
    @WithDefault("${quarkus.application.version:0.1.0}")
    String coreVersion();

    /**
     * How long a node trusts its copy of the modules' states before reading them again (other nodes' changes show within
     * it); also how often it reads which declarative modules are stored (at least every 100 ms).
     */
    @WithDefault("2s")
    Duration stateRefresh();

    /** The most declarative modules an installation may upload. */
    @WithDefault("50")
    int maxDeclarative();
}
