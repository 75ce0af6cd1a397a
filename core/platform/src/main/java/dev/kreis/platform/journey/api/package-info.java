/** REST API for journeys: one customer's journey and per-phase metrics over a period. */
package dev.kreis.platform.journey.api;
