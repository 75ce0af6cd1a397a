package dev.kreis.platform.journey.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.kreis.platform.journey.JourneyWindow;
import dev.kreis.platform.journey.TouchpointTypeTotals;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Journeys over a period, aggregated in the database: each customer's journey is the touchpoints of
 * their profiles in the period, and window functions pick every journey's peak and end in one pass, so
 * no customer's touchpoints are loaded into memory. The peak is the largest absolute normalised score,
 * the later touchpoint on a tie (occurred later, or at the same instant with the larger id); the end is
 * the latest. H2 2.x and PostgreSQL both run these queries. Each common table expression is referenced
 * once: a first version that read one CTE twice counted customers wrongly on H2.
 */
@ApplicationScoped
public class JourneyPeriodQueries {
    private static final String SCORED_IN_PERIOD = "select p.customer_id, t.id, t.type, t.occurred_at, " + JourneySql.THIRTIETHS + " as s30"
            + " from touchpoint t join touchpoint_type tt on tt.type_key = t.type join profile p on p.id = t.profile_id"
            + " where t.occurred_at >= ? and t.occurred_at < ?" + JourneySql.SCORED;
    private static final String PEAK_ORDER = "partition by customer_id order by abs(s30) desc, occurred_at desc, id desc";
    private static final String END_ORDER = "partition by customer_id order by occurred_at desc, id desc";

    private final Jdbc jdbc;

    JourneyPeriodQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The journey-level figures of a phase: customers whose furthest phase in the period is {@code phase}
     * or later, and over those of them with a scored touchpoint in the period, Σ (peak + end) × 30.
     */
    public ReachedJourneys reached(JourneyPhase phase, JourneyWindow period) {
        List<Object> params = bounds(period);
        params.addAll(bounds(period));
        params.add(phase.ordinal());
        String sql = "with furthest as (select p.customer_id, max(" + JourneySql.PHASE_RANK + ") as furthest"
                + " from touchpoint t join profile p on p.id = t.profile_id where t.occurred_at >= ? and t.occurred_at < ?"
                + " group by p.customer_id),"
                + " scored as (" + SCORED_IN_PERIOD + "),"
                + " ranked as (select customer_id, s30, row_number() over (" + PEAK_ORDER + ") as peak_n,"
                + " row_number() over (" + END_ORDER + ") as end_n from scored),"
                + " journeys as (select customer_id, sum(case when peak_n = 1 then s30 else 0 end)"
                + " + sum(case when end_n = 1 then s30 else 0 end) as peak_plus_end from ranked where peak_n = 1 or end_n = 1"
                + " group by customer_id)"
                + " select count(*) as reached, count(j.customer_id) as journeys, coalesce(sum(j.peak_plus_end), 0) as total"
                + " from furthest f left join journeys j on j.customer_id = f.customer_id where f.furthest >= ?";
        return jdbc.queryOne(sql, row -> new ReachedJourneys(row.getLong("reached"), row.getLong("journeys"), row.getBigDecimal("total")),
                params.toArray()).orElseThrow();
    }

    /** Per touchpoint type, the touchpoints in {@code phase} in the period, most frequent type first. */
    public List<TouchpointTypeTotals> touchpointTypes(JourneyPhase phase, JourneyWindow period) {
        List<Object> params = new ArrayList<>(List.of(Initiator.COMPANY.wire(), phase.wire()));
        params.addAll(bounds(period));
        String sql = "select t.type, max(tt.score_scale) as score_scale, count(*) as touchpoints, count(distinct p.customer_id) as customers,"
                + " count(" + JourneySql.THIRTIETHS + ") as scored,"
                + " coalesce(sum(case when tt.score_scale is not null then t.score end), 0) as score_sum,"
                + " coalesce(sum(" + JourneySql.THIRTIETHS + "), 0) as thirtieths_sum,"
                + " sum(case when t.initiator = ? then 1 else 0 end) as company"
                + " from touchpoint t join profile p on p.id = t.profile_id left join touchpoint_type tt on tt.type_key = t.type"
                + " where t.phase = ? and t.occurred_at >= ? and t.occurred_at < ?"
                + " group by t.type order by touchpoints desc, t.type";
        return jdbc.query(sql, row -> new TouchpointTypeTotals(row.getString("type"), ScoreScale.fromWire(row.getString("score_scale")),
                row.getLong("touchpoints"), row.getLong("customers"), row.getLong("scored"), row.getBigDecimal("score_sum"),
                row.getBigDecimal("thirtieths_sum"), row.getLong("company")), params.toArray());
    }

    private static List<Object> bounds(JourneyWindow period) {
        return new ArrayList<>(List.of(period.start().orElseThrow(), period.end().orElseThrow()));
    }

    /**
     * @param customers customers who reached the phase in the period
     * @param journeys  those of them with a scored touchpoint in the period
     * @param peakPlusEndThirtieths Σ over those journeys of (peak + end) × 30, exact
     */
    public record ReachedJourneys(long customers, long journeys, BigDecimal peakPlusEndThirtieths) {
        public ReachedJourneys {
            Objects.requireNonNull(peakPlusEndThirtieths, "peakPlusEndThirtieths");
        }
    }
}
