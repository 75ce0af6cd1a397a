/**
 * Identity resolution: normalising identifiers, clustering profiles that share one into a customer,
 * merge suggestions from fuzzy similarity, and audited, reversible merges and splits.
 */
package dev.kreis.platform.identity;
