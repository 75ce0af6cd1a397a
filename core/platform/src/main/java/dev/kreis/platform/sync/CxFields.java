package dev.kreis.platform.sync;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.kreis.platform.journey.CustomerJourney;
import dev.kreis.platform.journey.JourneyWindow;
import dev.kreis.platform.journey.Journeys;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kreis's CX fields of a customer as pushed to the CRM, by their attribute names in
 * {@link dev.kreis.spi.connector.CrmObject#pushFields()}: {@code kreis.customerId}, {@code kreis.lastNps} and
 * {@code kreis.lastCsat} (the newest answer's score), {@code kreis.journeyPhase} (the furthest phase
 * reached) and {@code kreis.peakEndScore} (the peak-end score of the scored touchpoints, 0 to 100). A value
 * Kreis does not have yet is left out (nothing is pushed for it).
 */
@ApplicationScoped
public class CxFields {
    static final String CUSTOMER_ID = "kreis.customerId";
    static final String LAST_NPS = "kreis.lastNps";
    static final String LAST_CSAT = "kreis.lastCsat";
    static final String JOURNEY_PHASE = "kreis.journeyPhase";
    static final String PEAK_END = "kreis.peakEndScore";

    private final Jdbc jdbc;
    private final Journeys journeys;

    CxFields(Jdbc jdbc, Journeys journeys) {
        this.jdbc = jdbc;
        this.journeys = journeys;
    }

    /** The customer's CX values by attribute name. */
    public Map<String, String> of(UUID customerId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CUSTOMER_ID, customerId.toString());
        lastScore(customerId, "feedback.nps").ifPresent(v -> values.put(LAST_NPS, v));
        lastScore(customerId, "feedback.csat").ifPresent(v -> values.put(LAST_CSAT, v));
        CustomerJourney journey = journeys.of(customerId, JourneyWindow.always());
        journey.currentPhase().ifPresent(p -> values.put(JOURNEY_PHASE, p.wire()));
        journey.peakEnd().ifPresent(p -> values.put(PEAK_END, plain(p.score())));
        return values;
    }

    private java.util.Optional<String> lastScore(UUID customerId, String type) {
        return jdbc.queryOne("select t.score from touchpoint t join profile p on p.id = t.profile_id where p.customer_id = ? and t.type = ?"
                + " and t.score is not null order by t.occurred_at desc, t.id desc limit 1", row -> plain(row.getBigDecimal("score")),
                customerId, type);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
