package dev.kreis.module.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.KpiAggregations;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiQuery;
import dev.kreis.spi.kpi.KpiUnit;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.UnsupportedKpiFilterException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The module's KPIs. Ticket KPIs are one aggregate query over {@code sup_ticket} for the period (times stored on the
 * ticket: opened, first response, resolution); CSAT and CES go through the platform's aggregations over
 * {@code feedback.csat}/{@code feedback.ces} touchpoints attributed to the support module. Values are rounded to
 * 4 places, half up. Thread-safe (stateless).
 */
@ApplicationScoped
public class SupportKpis {
    static final Set<String> DEPARTMENT = Set.of("support");

    static final KpiDefinition FIRST_CONTACT_RESOLUTION = new KpiDefinition("support.first_contact_resolution", "First contact resolution",
            KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, DEPARTMENT, false,
            "Share of the tickets resolved in the period that took exactly one customer contact; proactive tickets and tickets from a "
                    + "CRM (whose contacts Kreis does not see) are left out.");
    static final KpiDefinition FIRST_RESPONSE_TIME = new KpiDefinition("support.first_response_time", "Average first response time (minutes)",
            KpiUnit.NUMBER, Direction.LOWER_IS_BETTER, DEPARTMENT, false,
            "Mean minutes from opening to the first response, over tickets first answered in the period.");
    static final KpiDefinition RESOLUTION_TIME = new KpiDefinition("support.resolution_time", "Average resolution time (hours)",
            KpiUnit.NUMBER, Direction.LOWER_IS_BETTER, DEPARTMENT, false,
            "Mean hours from opening to resolution, over tickets resolved in the period.");
    static final KpiDefinition SLA_COMPLIANCE = new KpiDefinition("support.sla_compliance", "SLA compliance", KpiUnit.PERCENT,
            Direction.HIGHER_IS_BETTER, DEPARTMENT, false,
            "Share of the tickets resolved in the period that met both their first-response and their resolution target.");
    static final KpiDefinition TICKET_VOLUME = new KpiDefinition("support.ticket_volume", "Ticket volume", KpiUnit.COUNT,
            Direction.LOWER_IS_BETTER, DEPARTMENT, false, "Number of tickets opened in the period.");
    static final KpiDefinition CSAT = new KpiDefinition("support.csat", "CSAT of support", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
            DEPARTMENT, false, "Share of 4 and 5 among CSAT answers (1-5) about support touchpoints, answered in the period.");
    static final KpiDefinition CES = new KpiDefinition("support.ces", "CES of support", KpiUnit.SCORE, Direction.HIGHER_IS_BETTER,
            DEPARTMENT, false, "Mean customer effort score (1 very difficult to 7 very easy) about support touchpoints, answered in the period.");

    static final List<KpiDefinition> ALL = List.of(FIRST_CONTACT_RESOLUTION, FIRST_RESPONSE_TIME, RESOLUTION_TIME, SLA_COMPLIANCE,
            TICKET_VOLUME, CSAT, CES);

    private final SupportStore store;
    private final KpiAggregations aggregations;

    SupportKpis(SupportStore store, KpiAggregations aggregations) {
        this.store = store;
        this.aggregations = aggregations;
    }

    KpiComputation computation(KpiDefinition definition) {
        return switch (definition.key()) {
            case "support.first_contact_resolution" -> q -> tickets(definition, q, "select count(*), coalesce(sum(case when contacts = 1 "
                    + "then 1 else 0 end), 0) from sup_ticket where resolved_at >= ? and resolved_at < ? and proactive = false "
                    + "and crm_source is null",
                    row -> percent(row[1], row[0]));
            case "support.first_response_time" -> q -> tickets(definition, q, "select count(*), coalesce(sum(first_response_seconds), 0) "
                    + "from sup_ticket where first_responded_at >= ? and first_responded_at < ?", row -> mean(row[1], row[0], 60));
            case "support.resolution_time" -> q -> tickets(definition, q, "select count(*), coalesce(sum(resolution_seconds), 0) "
                    + "from sup_ticket where resolved_at >= ? and resolved_at < ?", row -> mean(row[1], row[0], 3600));
            case "support.sla_compliance" -> q -> tickets(definition, q, "select count(*), coalesce(sum(case when sla_met = true then 1 "
                    + "else 0 end), 0) from sup_ticket where resolved_at >= ? and resolved_at < ?", row -> percent(row[1], row[0]));
            case "support.ticket_volume" -> q -> tickets(definition, q, "select count(*), count(*) from sup_ticket where opened_at >= ? "
                    + "and opened_at < ?", row -> new KpiValue(BigDecimal.valueOf(row[0]), row[0]));
            case "support.csat" -> q -> feedback(q) ? aggregations.csat(q.fromModule(Tickets.MODULE), Set.of("feedback.csat")) : KpiValue.noData();
            case "support.ces" -> q -> feedback(q) ? aggregations.ces(q.fromModule(Tickets.MODULE), Set.of("feedback.ces")) : KpiValue.noData();
            default -> throw new IllegalArgumentException("module support has no computation for KPI " + definition.key());
        };
    }

    /** Whether a feedback KPI can have data under the query's module filter (only support's own touchpoints count). */
    private static boolean feedback(KpiQuery query) {
        return query.module().map(Tickets.MODULE::equals).orElse(true);
    }

    private KpiValue tickets(KpiDefinition definition, KpiQuery query, String sql, java.util.function.Function<long[], KpiValue> formula) {
        if (query.phase().isPresent()) {
            throw new UnsupportedKpiFilterException(definition.key(), "phase");
        }
        if (query.segment().isPresent()) {
            throw new UnsupportedKpiFilterException(definition.key(), "segment");
        }
        if (query.module().isPresent() && !query.module().get().equals(Tickets.MODULE)) {
            return KpiValue.noData();
        }
        long[] row = store.aggregate(sql, List.of(query.period().from(), query.period().to()), 2);
        return formula.apply(row);
    }

    /** {@code part / whole} in percent, 4 places; no value when {@code whole} is 0. */
    static KpiValue percent(long part, long whole) {
        if (whole == 0) {
            return KpiValue.noData();
        }
        return new KpiValue(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP),
                whole);
    }

    /** {@code totalSeconds / count} in units of {@code unitSeconds}, 4 places; no value when {@code count} is 0. */
    static KpiValue mean(long totalSeconds, long count, long unitSeconds) {
        if (count == 0) {
            return KpiValue.noData();
        }
        return new KpiValue(BigDecimal.valueOf(totalSeconds).divide(BigDecimal.valueOf(count * unitSeconds), 4, RoundingMode.HALF_UP), count);
    }
}
