/**
 * Touchpoints: the registry of touchpoint types, idempotent ingestion (one or a batch) that resolves
 * the customer by id or identifiers, and the per-customer timeline.
 */
package dev.kreis.platform.touchpoint;
