package dev.kreis.platform.module;

import dev.kreis.spi.module.KreisModule;
import dev.kreis.spi.module.ModuleDescriptor;

/**
 * A module this installation knows: its descriptor, the code behind it and where it came from.
 *
 * @param module the bean (bundled) or the platform's implementation of an uploaded descriptor (declarative)
 */
public record RegisteredModule(ModuleDescriptor descriptor, KreisModule module, Origin origin) {

    /** Where a module came from. */
    public enum Origin {
        /** A jar shipped with the distribution. */
        BUNDLED,
        /** A descriptor an admin uploaded. */
        DECLARATIVE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String id() {
        return descriptor.id();
    }
}
