package dev.kreis.platform.journey;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.customer.CustomerDirectory;
import dev.kreis.platform.journey.persistence.JourneyRepository;
import dev.kreis.platform.kpi.PeakEnd;
import dev.kreis.platform.kpi.ScoredTouchpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** One customer's journey: phases, time in phase and the peak-end of their scored touchpoints. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Journeys {
    private final CustomerDirectory customers;
    private final JourneyRepository journeys;
    private final JourneyConfig config;
    private final Clock clock;

    Journeys(CustomerDirectory customers, JourneyRepository journeys, JourneyConfig config, Clock clock) {
        this.customers = customers;
        this.journeys = journeys;
        this.config = config;
        this.clock = clock;
    }

    /** The journey of the customer an id stands for (following merges) within the window; 404 for an unknown id. */
    public CustomerJourney of(UUID requestedId, JourneyWindow window) {
        UUID customerId = customers.require(requestedId).id();
        List<PhaseStay> phases = PhaseStay.of(journeys.phaseSpans(customerId, window), horizon(window));
        int cap = config.maxScoredTouchpoints();
        List<ScoredTouchpoint<JourneyTouchpoint>> newestFirst = journeys.newestScored(customerId, window, cap + 1);
        boolean truncated = newestFirst.size() > cap;
        List<ScoredTouchpoint<JourneyTouchpoint>> inTimeOrder = new ArrayList<>(newestFirst.subList(0, Math.min(cap, newestFirst.size())));
        Collections.reverse(inTimeOrder);
        return new CustomerJourney(customerId, window, phases, journeys.lastTouchPhase(customerId, window), PeakEnd.of(inTimeOrder),
                inTimeOrder.size(), truncated);
    }

    /** Until when the current phase lasts: the end of the window, or now when that is earlier or the window is open. */
    private OffsetDateTime horizon(JourneyWindow window) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return window.end().filter(to -> to.isBefore(now)).orElse(now);
    }
}
