/**
 * The support module: see docs/modules/support.md. Depends on kreis-spi only.
 */
package dev.kreis.module.support;
