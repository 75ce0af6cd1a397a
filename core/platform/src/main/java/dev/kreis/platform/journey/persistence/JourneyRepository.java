package dev.kreis.platform.journey.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.kreis.platform.journey.JourneyTouchpoint;
import dev.kreis.platform.journey.JourneyWindow;
import dev.kreis.platform.journey.PhaseSpan;
import dev.kreis.platform.kpi.ScoredTouchpoint;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One customer's journey as stored: the touchpoints of all the customer's profiles (so merges and
 * splits apply without rewriting a row), read through the {@code touchpoint_profile_time} index.
 * Touchpoints at the same instant are ordered by id, the order the period queries and the KPI rollups use.
 */
@ApplicationScoped
public class JourneyRepository {
    private static final String OF_CUSTOMER = " where t.profile_id in (select p.id from profile p where p.customer_id = ?)";

    private final Jdbc jdbc;

    JourneyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Per phase reached in the window: its first and last touchpoint and how many; aggregated in the database. */
    public List<PhaseSpan> phaseSpans(UUID customerId, JourneyWindow window) {
        List<Object> params = new ArrayList<>(List.of(customerId));
        String sql = "select t.phase, min(t.occurred_at) as first_at, max(t.occurred_at) as last_at, count(*) as touchpoints"
                + " from touchpoint t" + OF_CUSTOMER + JourneySql.window(window, params) + " group by t.phase";
        return jdbc.query(sql, row -> new PhaseSpan(phase(row.getString("phase")), Jdbc.time(row, "first_at"),
                Jdbc.time(row, "last_at"), row.getLong("touchpoints")), params.toArray());
    }

    /** The phase of the latest touchpoint in the window. */
    public Optional<JourneyPhase> lastTouchPhase(UUID customerId, JourneyWindow window) {
        List<Object> params = new ArrayList<>(List.of(customerId));
        String sql = "select t.phase from touchpoint t" + OF_CUSTOMER + JourneySql.window(window, params)
                + " order by t.occurred_at desc, t.id desc limit 1";
        return jdbc.queryOne(sql, row -> phase(row.getString("phase")), params.toArray());
    }

    /** The newest {@code limit} scored touchpoints in the window, newest first. */
    public List<ScoredTouchpoint<JourneyTouchpoint>> newestScored(UUID customerId, JourneyWindow window, int limit) {
        List<Object> params = new ArrayList<>(List.of(customerId));
        String sql = "select t.id, t.type, t.occurred_at, t.score, tt.score_scale from touchpoint t"
                + " join touchpoint_type tt on tt.type_key = t.type" + OF_CUSTOMER + JourneySql.SCORED
                + JourneySql.window(window, params) + " order by t.occurred_at desc, t.id desc limit " + limit;
        return jdbc.query(sql, row -> {
            JourneyTouchpoint touchpoint = new JourneyTouchpoint(Jdbc.uuid(row, "id"), row.getString("type"), Jdbc.time(row, "occurred_at"));
            ScoreScale scale = ScoreScale.fromWire(row.getString("score_scale"))
                    .orElseThrow(() -> new IllegalStateException("unknown score scale in touchpoint_type"));
            return new ScoredTouchpoint<>(touchpoint, touchpoint.occurredAt().toInstant(), scale, row.getBigDecimal("score"));
        }, params.toArray());
    }

    private static JourneyPhase phase(String wire) {
        return JourneyPhase.fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown journey phase stored: " + wire));
    }
}
