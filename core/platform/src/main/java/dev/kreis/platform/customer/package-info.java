/**
 * The unified customer record: profiles from every source, customers (golden records) derived from
 * them by survivorship policies with provenance, and search.
 */
package dev.kreis.platform.customer;
