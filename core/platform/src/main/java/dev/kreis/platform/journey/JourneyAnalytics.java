package dev.kreis.platform.journey;

import dev.kreis.platform.journey.persistence.JourneyPeriodQueries;
import dev.kreis.platform.journey.persistence.JourneyPeriodQueries.ReachedJourneys;
import dev.kreis.spi.touchpoint.JourneyPhase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Journeys across all customers over a period: per phase, the journey and touchpoint levels. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JourneyAnalytics {
    private final JourneyPeriodQueries queries;

    JourneyAnalytics(JourneyPeriodQueries queries) {
        this.queries = queries;
    }

    /** The journey-level figures of {@code phase} and the touchpoint metrics underneath; {@code period} has both ends. */
    public PhaseMetrics phaseMetrics(JourneyPhase phase, JourneyWindow period) {
        ReachedJourneys reached = queries.reached(phase, bounded(period));
        return new PhaseMetrics(phase, period, reached.customers(), reached.journeys(), reached.peakPlusEndThirtieths(),
                queries.touchpointTypes(phase, period));
    }

    private static JourneyWindow bounded(JourneyWindow period) {
        if (period.start().isEmpty() || period.end().isEmpty()) {
            throw new IllegalArgumentException("a period for all customers needs both ends: " + period);
        }
        return period;
    }
}
