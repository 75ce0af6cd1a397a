/** SQL for journeys: per-customer phase spans and scored touchpoints, and period-wide aggregates with window functions. */
package dev.kreis.platform.journey.persistence;
