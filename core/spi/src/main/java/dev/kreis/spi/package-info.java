/**
 * The Kreis service-provider interface: the contract between the Kreis platform and the modules and
 * connectors that extend it.
 *
 * <p>Stability: every public type in {@code dev.kreis.spi} and its sub-packages is <b>stable</b>
 * unless its Javadoc says otherwise. Stable means: no incompatible change within a major version of
 * Kreis. This artifact depends on nothing of Kreis and on no third-party library, so a module can
 * compile against it alone.
 */
package dev.kreis.spi;
