package dev.kreis.spi.touchpoint;

import java.util.List;

/**
 * Contributes touchpoint types to the platform's registry.
 *
 * <p>When called: the platform collects every CDI bean implementing this interface once at start-up
 * and registers the returned definitions (replacing earlier definitions of the same key by the same
 * owner). Implementations are application-scoped beans; {@link #touchpointTypes()} must be
 * side-effect free and thread-safe.
 *
 * <p>Stability: stable.
 */
public interface TouchpointTypeProvider {

    /** The definitions this provider owns. */
    List<TouchpointTypeDefinition> touchpointTypes();
}
