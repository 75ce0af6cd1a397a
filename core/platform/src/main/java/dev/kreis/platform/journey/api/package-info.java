/** REST API for journeys: one customer's journey, negative peaks and per-phase metrics over a period. */
package dev.kreis.platform.journey.api;
