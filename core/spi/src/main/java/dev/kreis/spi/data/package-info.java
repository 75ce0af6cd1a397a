/**
 * The database modules store their own tables in. Stability: stable.
 */
package dev.kreis.spi.data;
