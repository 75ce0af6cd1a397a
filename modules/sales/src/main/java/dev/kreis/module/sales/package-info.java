/**
 * The sales module: see docs/modules/sales.md. Depends on kreis-spi only.
 */
package dev.kreis.module.sales;
