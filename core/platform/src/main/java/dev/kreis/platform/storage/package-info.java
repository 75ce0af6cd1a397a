/**
 * Access to the relational database Kreis runs on: H2 embedded (first run) or PostgreSQL
 * (production), chosen at start-up by {@code KREIS_DB_KIND}. Both are built into one application; the
 * same Flyway migrations and the same SQL run on both (H2 in PostgreSQL mode).
 */
package dev.kreis.platform.storage;
