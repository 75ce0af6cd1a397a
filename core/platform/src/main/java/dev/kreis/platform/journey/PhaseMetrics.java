package dev.kreis.platform.journey;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import dev.kreis.platform.kpi.Ratio;
import dev.kreis.spi.touchpoint.JourneyPhase;

/**
 * Journey level and touchpoint level side by side, for one phase and period.
 *
 * <p>Journey level: the customers who reached the phase in the period (their furthest phase in the
 * period is this one or later, as the funnel counts them) and the average peak-end score of their
 * journeys in the period (over those with a scored touchpoint). Touchpoint level: per touchpoint type,
 * the touchpoints in this phase in the period.
 *
 * @param phase               the phase
 * @param period              the period
 * @param customersReached    customers who reached the phase
 * @param peakEndJourneys     of those, the customers with a scored touchpoint in the period
 * @param peakPlusEndThirtieths Σ (peak + end) × 30 over those journeys, exact
 * @param touchpointTypes     the touchpoint-level metrics, most frequent type first
 */
public record PhaseMetrics(JourneyPhase phase, JourneyWindow period, long customersReached, long peakEndJourneys,
        BigDecimal peakPlusEndThirtieths, List<TouchpointTypeTotals> touchpointTypes) {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    public PhaseMetrics {
        touchpointTypes = List.copyOf(touchpointTypes);
    }

    /** The mean of the journeys' peak-end scores, −1..1, rounded once to 4 places; empty without a scored journey. */
    public Optional<BigDecimal> averagePeakEnd() {
        return new Ratio(peakPlusEndThirtieths, SIXTY.multiply(BigDecimal.valueOf(peakEndJourneys))).value();
    }
}
