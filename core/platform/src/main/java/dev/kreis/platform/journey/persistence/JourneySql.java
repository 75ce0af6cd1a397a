package dev.kreis.platform.journey.persistence;

import java.util.List;

import dev.kreis.platform.journey.JourneyWindow;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;

/**
 * SQL fragments the journey queries share. They read {@code touchpoint t} joined to
 * {@code touchpoint_type tt}, whose score scale says how to normalise a score.
 */
final class JourneySql {

    /**
     * 30 × the normalised score of {@code t}, exact, as {@code dev.kreis.platform.kpi.ScoredTouchpoint}
     * computes it (NPS (s − 5) ÷ 5, CSAT (s − 3) ÷ 2, CES (s − 4) ÷ 3, sentiment as is); null when unscored.
     */
    static final String THIRTIETHS = "case tt.score_scale"
            + " when '" + ScoreScale.NPS.wire() + "' then (t.score - 5) * 6"
            + " when '" + ScoreScale.CSAT.wire() + "' then (t.score - 3) * 15"
            + " when '" + ScoreScale.CES.wire() + "' then (t.score - 4) * 10"
            + " when '" + ScoreScale.SENTIMENT.wire() + "' then t.score * 30 end";

    /** Only touchpoints with a score on a known scale. */
    static final String SCORED = " and t.score is not null and tt.score_scale is not null";

    /**
     * The journey order of the phase of {@code t}: 0 for awareness to 6 for advocacy, the ordinal of
     * {@link JourneyPhase}.
     */
    static final String PHASE_RANK = phaseRank();

    private JourneySql() {
    }

    /** {@code and t.occurred_at >= ? and t.occurred_at < ?} for the ends the window has, adding their values. */
    static String window(JourneyWindow window, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        window.start().ifPresent(from -> {
            sql.append(" and t.occurred_at >= ?");
            params.add(from);
        });
        window.end().ifPresent(to -> {
            sql.append(" and t.occurred_at < ?");
            params.add(to);
        });
        return sql.toString();
    }

    private static String phaseRank() {
        StringBuilder sql = new StringBuilder("case t.phase");
        for (JourneyPhase phase : JourneyPhase.values()) {
            sql.append(" when '").append(phase.wire()).append("' then ").append(phase.ordinal());
        }
        return sql.append(" end").toString();
    }
}
