/**
 * Customer journeys: where a customer is in the journey (the furthest phase reached, the phase of the
 * latest touchpoint, how long each phase was the current one) and how the journey felt (its peak-end
 * score, from {@link dev.kreis.platform.kpi.PeakEnd}); and, over a period, the journey-level figures
 * of a phase next to the touchpoint-level metrics underneath them.
 * Everything is read from the touchpoints of the customer's profiles, so merges and splits apply at once.
 */
package dev.kreis.platform.journey;
