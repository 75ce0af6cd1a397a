/**
 * The touchpoint vocabulary shared by the platform and every module: channels, journey phases,
 * initiators, score scales and the definition of a touchpoint type.
 *
 * <p>A module contributes its touchpoint types through {@link dev.kreis.spi.touchpoint.TouchpointTypeProvider};
 * the platform validates every ingested touchpoint against the registered definition of its type.
 */
package dev.kreis.spi.touchpoint;
