package dev.kreis.platform.kpi.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.storage.ReadJdbc;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customers behind a per-customer KPI. Score KPIs (NPS, CSAT, CES): every customer with answers on
 * the KPI's scale in the period, with the number of answers, their mean and the latest, worst mean first.
 * Revenue KPIs (NRR, GRR, churn and retention rate, CLV): the cohort of customers paying at the period
 * start, with their MRR at the start and at the end, the largest loss first. Repurchase rate: every
 * customer with an order in the period, with their orders and order revenue, fewest orders first. Reads
 * the touchpoints themselves (not the rollups), one page at a time, joined to the customer a profile
 * belongs to now, so a merged customer appears once. Served by the read replica when one serves.
 */
@ApplicationScoped
public class KpiCustomerQueries {
    private final ReadJdbc jdbc;

    KpiCustomerQueries(ReadJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One customer's answers in the period; {@code mean} has four decimal places. */
    public record CustomerScores(UUID customerId, long answers, BigDecimal mean, BigDecimal lastScore, OffsetDateTime lastAnsweredAt) {
    }

    /**
     * A page of customers ordered by mean score, then id, after {@code after}; {@code limit} rows at most.
     *
     * @param phase        only touchpoints in this phase (wire name), or {@code null}
     * @param module       only touchpoints of this module, or {@code null}
     * @param customerKind only customers of this kind, or {@code null}
     */
    public List<CustomerScores> page(ScoreScale scale, OffsetDateTime from, OffsetDateTime to, String phase, String module,
            String customerKind, Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        Filter filter = new Filter(phase, module, customerKind);
        StringBuilder inner = new StringBuilder("select p.customer_id, count(*) as answers, cast(avg(t.score) as numeric(12, 4)) as mean,"
                + " max(t.occurred_at) as last_at from touchpoint t join touchpoint_type ty on ty.type_key = t.type"
                + " join profile p on p.id = t.profile_id").append(filter.join());
        inner.append(" where ty.score_scale = ? and t.score is not null and t.occurred_at >= ? and t.occurred_at < ?");
        params.add(scale.wire());
        params.add(from.withOffsetSameInstant(ZoneOffset.UTC));
        params.add(to.withOffsetSameInstant(ZoneOffset.UTC));
        inner.append(filter.conditions(params)).append(" group by p.customer_id");
        StringBuilder sql = new StringBuilder("select x.customer_id, x.answers, x.mean, x.last_at from (").append(inner).append(") x")
                .append(after(after, "x.mean", "x.customer_id", params));
        sql.append(" order by x.mean, x.customer_id limit ").append(limit);
        List<CustomerScores> rows = jdbc.query(sql.toString(), row -> new CustomerScores(Jdbc.uuid(row, "customer_id"), row.getLong("answers"),
                row.getBigDecimal("mean").setScale(4, java.math.RoundingMode.HALF_UP), null, Jdbc.time(row, "last_at")), params.toArray());
        List<CustomerScores> withLast = new ArrayList<>(rows.size());
        for (CustomerScores scores : rows) {
            withLast.add(new CustomerScores(scores.customerId(), scores.answers(), scores.mean(),
                    lastScore(scale, scores.customerId(), scores.lastAnsweredAt()), scores.lastAnsweredAt()));
        }
        return withLast;
    }

    /** One cohort customer's monthly recurring revenue after its last change before the period start and before its end. */
    public record CustomerMrr(UUID customerId, BigDecimal startMrr, BigDecimal endMrr) {
        /** What the period did to this customer's revenue. */
        public BigDecimal change() {
            return endMrr.subtract(startMrr);
        }
    }

    /**
     * A page of the revenue-retention cohort (customers whose MRR at {@code from} is above 0), ordered by
     * end − start MRR, then id, after {@code after}: the same MRR positions as {@code RevenueRetention} and
     * {@code ChurnAndRetention} (a change at {@code from} is inside the period, one at {@code to} in the next).
     */
    public List<CustomerMrr> revenueCohort(OffsetDateTime from, OffsetDateTime to, String customerKind, Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        Filter filter = new Filter(null, null, customerKind);
        StringBuilder sql = new StringBuilder("with ev as (select p.customer_id as c, t.occurred_at, t.id, t.amount from touchpoint t"
                + " join profile p on p.id = t.profile_id").append(filter.join());
        sql.append(" where t.type in ('revenue.subscription_started', 'revenue.subscription_changed', 'revenue.subscription_cancelled')"
                + " and t.amount is not null and t.occurred_at < ?");
        params.add(to.withOffsetSameInstant(ZoneOffset.UTC));
        sql.append(filter.conditions(params));
        sql.append("), s as (select c, amount from (select c, amount, row_number() over (partition by c order by occurred_at desc, id desc) as n"
                + " from ev where occurred_at < ?) x where n = 1),"
                + " e as (select c, amount from (select c, amount, row_number() over (partition by c order by occurred_at desc, id desc) as n"
                + " from ev) y where n = 1),"
                + " pos as (select s.c, s.amount as st, e.amount as en, e.amount - s.amount as ch from s join e on e.c = s.c where s.amount > 0)"
                + " select c, st, en, ch from pos");
        params.add(from.withOffsetSameInstant(ZoneOffset.UTC));
        sql.append(after(after, "ch", "c", params));
        sql.append(" order by ch, c limit ").append(limit);
        return jdbc.query(sql.toString(), row -> new CustomerMrr(Jdbc.uuid(row, "c"), scale(row.getBigDecimal("st")),
                scale(row.getBigDecimal("en"))), params.toArray());
    }

    /** One customer's orders in the period and their total amount. */
    public record CustomerOrders(UUID customerId, long orders, BigDecimal revenue) {
    }

    /** A page of the customers with at least one order ({@code revenue.order}) in the period, fewest orders first, then id. */
    public List<CustomerOrders> orders(OffsetDateTime from, OffsetDateTime to, String phase, String module, String customerKind,
            Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        Filter filter = new Filter(phase, module, customerKind);
        StringBuilder inner = new StringBuilder("select p.customer_id as c, count(*) as orders, coalesce(sum(t.amount), 0) as revenue"
                + " from touchpoint t join profile p on p.id = t.profile_id").append(filter.join());
        inner.append(" where t.type = 'revenue.order' and t.amount is not null and t.occurred_at >= ? and t.occurred_at < ?");
        params.add(from.withOffsetSameInstant(ZoneOffset.UTC));
        params.add(to.withOffsetSameInstant(ZoneOffset.UTC));
        inner.append(filter.conditions(params)).append(" group by p.customer_id");
        StringBuilder sql = new StringBuilder("select c, orders, revenue from (").append(inner).append(") x")
                .append(after(after, "orders", "c", params));
        sql.append(" order by orders, c limit ").append(limit);
        return jdbc.query(sql.toString(), row -> new CustomerOrders(Jdbc.uuid(row, "c"), row.getLong("orders"), scale(row.getBigDecimal("revenue"))),
                params.toArray());
    }

    /**
     * The drill-downs' optional filters on touchpoints ({@code t}) of profiles ({@code p}): journey phase, module
     * and the kind of the customer (joined as {@code k} only when asked for); null means no filter.
     */
    private record Filter(String phase, String module, String customerKind) {
        String join() {
            return customerKind == null ? "" : " join customer k on k.id = p.customer_id";
        }

        /** The conditions, each starting with {@code and}; their values go to {@code params} in order. */
        String conditions(List<Object> params) {
            StringBuilder sql = new StringBuilder();
            condition(sql, params, "t.phase", phase);
            condition(sql, params, "t.module", module);
            condition(sql, params, "k.kind", customerKind);
            return sql.toString();
        }

        private static void condition(StringBuilder sql, List<Object> params, String column, String value) {
            if (value != null) {
                sql.append(" and ").append(column).append(" = ?");
                params.add(value);
            }
        }
    }

    /** The keyset position after {@code after} in an order by {@code value}, then {@code id}; empty on the first page. */
    private static String after(Cursor after, String value, String id, List<Object> params) {
        if (after == null) {
            return "";
        }
        params.add(after.number());
        params.add(after.number());
        params.add(after.id());
        return " where (" + value + " > ? or (" + value + " = ? and " + id + " > ?))";
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(4, java.math.RoundingMode.HALF_UP);
    }

    private BigDecimal lastScore(ScoreScale scale, UUID customerId, OffsetDateTime at) {
        return jdbc.queryOne("select t.score from touchpoint t join touchpoint_type ty on ty.type_key = t.type join profile p on p.id = t.profile_id"
                + " where p.customer_id = ? and ty.score_scale = ? and t.score is not null and t.occurred_at = ? order by t.id desc limit 1",
                row -> row.getBigDecimal("score"), customerId, scale.wire(), at).orElse(null);
    }
}
