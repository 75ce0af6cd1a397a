/**
 * The marketing module: see docs/modules/marketing.md. Depends on kreis-spi only.
 */
package dev.kreis.module.marketing;
