package dev.kreis.platform.journey;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.kpi.PeakEnd;
import dev.kreis.spi.touchpoint.JourneyPhase;

/**
 * One customer's journey within a window.
 *
 * @param customerId        the customer (the survivor, when a merged id was asked for)
 * @param window            the window looked at
 * @param phases            the phases reached in the window, in journey order
 * @param lastTouchPhase    the phase of the latest touchpoint in the window; empty without touchpoints
 * @param peakEnd           the peak-end of the scored touchpoints read; empty when there are none
 * @param scoredTouchpoints how many scored touchpoints the peak-end was computed over
 * @param truncated         whether the window holds more scored touchpoints than were read (the newest are read)
 */
public record CustomerJourney(UUID customerId, JourneyWindow window, List<PhaseStay> phases, Optional<JourneyPhase> lastTouchPhase,
        Optional<PeakEnd<JourneyTouchpoint>> peakEnd, int scoredTouchpoints, boolean truncated) {

    public CustomerJourney {
        phases = List.copyOf(phases);
    }

    /** The furthest phase reached in the window; empty without touchpoints. */
    public Optional<JourneyPhase> currentPhase() {
        return phases.isEmpty() ? Optional.empty() : Optional.of(phases.get(phases.size() - 1).phase());
    }

    /** The mean normalised score of the scored touchpoints read; empty when there are none. */
    public Optional<BigDecimal> mean() {
        return peakEnd.map(PeakEnd::mean);
    }
}
