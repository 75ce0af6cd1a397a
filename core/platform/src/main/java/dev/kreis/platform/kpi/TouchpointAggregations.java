package dev.kreis.platform.kpi;

import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.kpi.KpiAggregations;
import dev.kreis.spi.kpi.KpiQuery;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.UnsupportedKpiFilterException;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The platform's {@link KpiAggregations}, for modules and declarative modules. Everything except
 * {@link #customers} reads the daily rollups ({@code kpi_day_rollup}), so it costs the same at a million
 * touchpoints as at a thousand; the period is taken in whole UTC days (a period starting or ending
 * inside a day includes that day). Phase and module filters apply; segment filters are refused
 * (the rollups are not kept per customer attribute).
 */
@ApplicationScoped
public class TouchpointAggregations implements KpiAggregations {
    static final int MAX_TYPES = 50;
    private final Jdbc jdbc;

    TouchpointAggregations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public KpiValue count(KpiQuery query, Set<String> types) {
        long n = total(query, types);
        return KpiValue.of(Optional.of(BigDecimal.valueOf(n)), n);
    }

    @Override
    public KpiValue customers(KpiQuery query, Set<String> types) {
        refuseSegment(query, "customers");
        List<Object> params = new ArrayList<>(types(types));
        StringBuilder sql = new StringBuilder("select count(distinct p.customer_id) as n from touchpoint t join profile p on p.id = t.profile_id"
                + " where t.type in (" + Jdbc.markers(types.size()) + ") and t.occurred_at >= ? and t.occurred_at < ?");
        params.add(query.period().from().atOffset(ZoneOffset.UTC));
        params.add(query.period().to().atOffset(ZoneOffset.UTC));
        query.phase().ifPresent(phase -> {
            sql.append(" and t.phase = ?");
            params.add(phase.wire());
        });
        query.module().ifPresent(module -> {
            sql.append(" and t.module = ?");
            params.add(module);
        });
        long n = jdbc.queryOne(sql.toString(), row -> row.getLong("n"), params.toArray()).orElse(0L);
        return KpiValue.of(Optional.of(BigDecimal.valueOf(n)), n);
    }

    @Override
    public KpiValue sum(KpiQuery query, Set<String> types) {
        Row row = totals(query, types);
        return KpiValue.of(Optional.of(row.amount()), row.touchpoints());
    }

    @Override
    public KpiValue averageAmount(KpiQuery query, Set<String> types) {
        Row row = totals(query, types);
        return row.touchpoints() == 0 ? KpiValue.noData()
                : KpiValue.of(Optional.of(Ratio.rounded(row.amount().divide(BigDecimal.valueOf(row.touchpoints()), 10, RoundingMode.HALF_UP))),
                        row.touchpoints());
    }

    @Override
    public KpiValue averageScore(KpiQuery query, Set<String> types) {
        Map<Integer, Long> histogram = histogram(query, types, null);
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return KpiValue.noData();
        }
        long sum = histogram.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        return KpiValue.of(Optional.of(Ratio.rounded(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 10, RoundingMode.HALF_UP))), n);
    }

    @Override
    public KpiValue ratio(KpiQuery query, Set<String> numerator, Set<String> denominator) {
        long top = total(query, numerator);
        long bottom = total(query, denominator);
        return KpiValue.of(Ratio.of(top, bottom).percent(), bottom);
    }

    @Override
    public KpiValue nps(KpiQuery query, Set<String> types) {
        return NetPromoterScore.of(ScoreHistogram.ofCounts(ScoreScale.NPS, histogram(query, types, ScoreScale.NPS))).asKpiValue();
    }

    @Override
    public KpiValue csat(KpiQuery query, Set<String> types) {
        return CustomerSatisfaction.of(ScoreHistogram.ofCounts(ScoreScale.CSAT, histogram(query, types, ScoreScale.CSAT))).asKpiValue();
    }

    @Override
    public KpiValue ces(KpiQuery query, Set<String> types) {
        return CustomerEffortScore.of(ScoreHistogram.ofCounts(ScoreScale.CES, histogram(query, types, ScoreScale.CES))).asKpiValue();
    }

    private record Row(long touchpoints, BigDecimal amount) {
    }

    private long total(KpiQuery query, Set<String> types) {
        return totals(query, types).touchpoints();
    }

    private Row totals(KpiQuery query, Set<String> types) {
        Filter filter = filter(query, types, null);
        return jdbc.queryOne("select coalesce(sum(touchpoints), 0) as n, coalesce(sum(amount_sum), 0) as amount from kpi_day_rollup where "
                + filter.where(), row -> new Row(row.getLong("n"), row.getBigDecimal("amount")), filter.params().toArray()).orElseThrow();
    }

    private Map<Integer, Long> histogram(KpiQuery query, Set<String> types, ScoreScale scale) {
        Filter filter = filter(query, types, scale);
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.query("select score, sum(touchpoints) as n from kpi_day_rollup where " + filter.where() + " and score <> " + DayFold.NO_SCORE
                + " group by score", row -> counts.merge(row.getInt("score"), row.getLong("n"), Long::sum), filter.params().toArray());
        return counts;
    }

    private record Filter(String where, List<Object> params) {
    }

    private Filter filter(KpiQuery query, Set<String> types, ScoreScale scale) {
        refuseSegment(query, "touchpoint aggregations");
        List<Object> params = new ArrayList<>(types(types));
        StringBuilder where = new StringBuilder("type in (" + Jdbc.markers(types.size()) + ") and epoch_day >= ? and epoch_day < ?");
        long fromDay = query.period().from().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
        java.time.OffsetDateTime to = query.period().to().atOffset(ZoneOffset.UTC);
        long toDay = to.toLocalDate().toEpochDay() + (to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? 0 : 1);
        params.add((int) fromDay);
        params.add((int) toDay);
        query.phase().ifPresent(phase -> {
            where.append(" and phase = ?");
            params.add(phase.wire());
        });
        query.module().ifPresent(module -> {
            where.append(" and module = ?");
            params.add(module);
        });
        if (scale != null) {
            where.append(" and score_scale = ?");
            params.add(scale.wire());
        }
        return new Filter(where.toString(), params);
    }

    private static List<String> types(Set<String> types) {
        if (types == null || types.isEmpty() || types.size() > MAX_TYPES) {
            throw new IllegalArgumentException("an aggregation needs 1 to " + MAX_TYPES + " touchpoint types");
        }
        return List.copyOf(types);
    }

    private static void refuseSegment(KpiQuery query, String what) {
        if (query.segment().isPresent()) {
            throw new UnsupportedKpiFilterException(what, "segment");
        }
    }
}
