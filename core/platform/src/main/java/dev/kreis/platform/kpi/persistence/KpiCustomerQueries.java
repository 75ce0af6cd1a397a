package dev.kreis.platform.kpi.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customers behind a score KPI (NPS, CSAT, CES): every customer with answers on the KPI's scale in
 * the period, with the number of answers, their mean and the latest, worst mean first. Reads the
 * touchpoints themselves (not the rollups), one page at a time, joined to the customer a profile
 * belongs to now, so a merged customer appears once.
 */
@ApplicationScoped
public class KpiCustomerQueries {
    private final Jdbc jdbc;

    KpiCustomerQueries(Jdbc jdbc) {
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
        StringBuilder inner = new StringBuilder("select p.customer_id, count(*) as answers, cast(avg(t.score) as numeric(12, 4)) as mean,"
                + " max(t.occurred_at) as last_at from touchpoint t join touchpoint_type ty on ty.type_key = t.type"
                + " join profile p on p.id = t.profile_id");
        if (customerKind != null) {
            inner.append(" join customer c on c.id = p.customer_id");
        }
        inner.append(" where ty.score_scale = ? and t.score is not null and t.occurred_at >= ? and t.occurred_at < ?");
        params.add(scale.wire());
        params.add(from.withOffsetSameInstant(ZoneOffset.UTC));
        params.add(to.withOffsetSameInstant(ZoneOffset.UTC));
        if (phase != null) {
            inner.append(" and t.phase = ?");
            params.add(phase);
        }
        if (module != null) {
            inner.append(" and t.module = ?");
            params.add(module);
        }
        if (customerKind != null) {
            inner.append(" and c.kind = ?");
            params.add(customerKind);
        }
        inner.append(" group by p.customer_id");
        StringBuilder sql = new StringBuilder("select x.customer_id, x.answers, x.mean, x.last_at from (").append(inner).append(") x");
        if (after != null) {
            sql.append(" where (x.mean > ? or (x.mean = ? and x.customer_id > ?))");
            params.add(after.number());
            params.add(after.number());
            params.add(after.id());
        }
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

    private BigDecimal lastScore(ScoreScale scale, UUID customerId, OffsetDateTime at) {
        return jdbc.queryOne("select t.score from touchpoint t join touchpoint_type ty on ty.type_key = t.type join profile p on p.id = t.profile_id"
                + " where p.customer_id = ? and ty.score_scale = ? and t.score is not null and t.occurred_at = ? order by t.id desc limit 1",
                row -> row.getBigDecimal("score"), customerId, scale.wire(), at).orElse(null);
    }
}
