package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiQuery;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.UnsupportedKpiFilterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sales KPIs, each one aggregate over the module's own tables for the query's period {@code [from, to)}.
 * Values are rounded to 4 decimal places, half up. These KPIs have no journey phase or customer segment, so
 * those filters are refused; the module filter is accepted only for {@code sales} (the KPIs are all sales data).
 * Thread-safe, no state.
 */
@ApplicationScoped
class SalesKpis {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    @Inject
    SalesDb db;

    KpiComputation computation(KpiDefinition definition) {
        String key = definition.key();
        if (key.equals(SalesModule.WIN_RATE.key())) {
            return query -> winRate(checked(key, query));
        }
        if (key.equals(SalesModule.PIPELINE_VALUE.key())) {
            return query -> pipelineValue(checked(key, query));
        }
        if (key.equals(SalesModule.AVERAGE_SALES_CYCLE.key())) {
            return query -> averageSalesCycle(checked(key, query));
        }
        if (key.equals(SalesModule.AVERAGE_ORDER_VALUE.key())) {
            return query -> averageOrderValue(checked(key, query));
        }
        throw new IllegalArgumentException("module sales has no computation for KPI " + key);
    }

    static KpiQuery checked(String key, KpiQuery query) {
        if (query.phase().isPresent()) {
            throw new UnsupportedKpiFilterException(key, "phase");
        }
        if (query.segment().isPresent()) {
            throw new UnsupportedKpiFilterException(key, "segment");
        }
        if (query.module().isPresent() && !query.module().get().equals(SalesModule.ID)) {
            throw new UnsupportedKpiFilterException(key, "module");
        }
        return query;
    }

    KpiValue winRate(KpiQuery query) {
        SalesDb.Row row = db.one("select count(case when stage = 'won' then 1 end) as won, count(*) as closed from sal_deal"
                + " where stage in ('won', 'lost') and closed_at >= ? and closed_at < ?", query.period().from(), query.period().to()).orElseThrow();
        return winRate(row.number("won"), row.number("closed"));
    }

    /** 100 × won ÷ closed; no data when nothing closed. */
    static KpiValue winRate(long won, long closed) {
        if (closed == 0) {
            return KpiValue.noData();
        }
        return new KpiValue(HUNDRED.multiply(BigDecimal.valueOf(won)).divide(BigDecimal.valueOf(closed), 4, RoundingMode.HALF_UP), closed);
    }

    KpiValue pipelineValue(KpiQuery query) {
        SalesDb.Row row = db.one("select sum(amount) as total, count(*) as deals from sal_deal"
                + " where opened_at < ? and (closed_at is null or closed_at >= ?)", query.period().to(), query.period().to()).orElseThrow();
        long deals = row.number("deals");
        return deals == 0 ? KpiValue.noData() : new KpiValue(row.decimal("total").setScale(4, RoundingMode.HALF_UP), deals);
    }

    KpiValue averageSalesCycle(KpiQuery query) {
        List<SalesDb.Row> rows = db.query("select opened_at, closed_at from sal_deal where stage = 'won' and closed_at >= ? and closed_at < ?",
                query.period().from(), query.period().to());
        long totalSeconds = 0;
        for (SalesDb.Row row : rows) {
            totalSeconds += Math.max(0, Duration.between(row.instant("opened_at"), row.instant("closed_at")).getSeconds());
        }
        return averageDays(totalSeconds, rows.size());
    }

    /** Mean days of {@code deals} cycles that add up to {@code totalSeconds}; no data without deals. */
    static KpiValue averageDays(long totalSeconds, long deals) {
        if (deals == 0) {
            return KpiValue.noData();
        }
        return new KpiValue(BigDecimal.valueOf(totalSeconds).divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(deals)), 4, RoundingMode.HALF_UP),
                deals);
    }

    KpiValue averageOrderValue(KpiQuery query) {
        SalesDb.Row row = db.one("select sum(amount) as total, count(*) as orders from sal_order where ordered_at >= ? and ordered_at < ?",
                query.period().from(), query.period().to()).orElseThrow();
        return average(Optional.ofNullable(row.decimal("total")).orElse(BigDecimal.ZERO), row.number("orders"));
    }

    /** {@code total ÷ count}, no data when the count is 0. */
    static KpiValue average(BigDecimal total, long count) {
        if (count == 0) {
            return KpiValue.noData();
        }
        return new KpiValue(total.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP), count);
    }
}
