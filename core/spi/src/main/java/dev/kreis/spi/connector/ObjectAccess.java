package dev.kreis.spi.connector;

import java.util.Optional;

/**
 * Whether a connection's credentials may read and write one object, as found by
 * {@link ConnectorSession#test}. Immutable value. Stability: stable.
 *
 * @param object   the object's name
 * @param readable the credentials can read it
 * @param writable the credentials can write it
 * @param problem  why not, for the admin, when either is false
 */
public record ObjectAccess(String object, boolean readable, boolean writable, Optional<String> problem) {
}
