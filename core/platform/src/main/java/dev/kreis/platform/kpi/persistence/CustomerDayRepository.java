package dev.kreis.platform.kpi.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps {@code kpi_customer_day}, the per-customer rollup (ADR 0008), equal to {@code kpi_profile_day}
 * summed over each customer's current profiles: a refolded day's rows are recomputed in the fold's
 * transaction, and the customers a merge or split moved profiles between are recomputed whole. Both
 * are set-based statements over {@code kpi_profile_day}; callers hold the fold lock
 * ({@link RollupRepository#lock()}), so the two never interleave.
 */
@ApplicationScoped
public class CustomerDayRepository {
    private static final String STATE = "touchpoints";
    private static final int CHUNK = 500;
    private static final String ROWS = " from kpi_profile_day d join profile p on p.id = d.profile_id";

    private final Jdbc jdbc;

    CustomerDayRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes one UTC day's rows from its {@code kpi_profile_day} rows; call after the fold wrote them. */
    public void refoldDay(int epochDay) {
        jdbc.update("delete from kpi_customer_day where epoch_day = ?", epochDay);
        insert("d.epoch_day = ?", List.of(epochDay));
    }

    /** Recomputes every row of these customers from their current profiles' {@code kpi_profile_day} rows. */
    public void refoldCustomers(Collection<UUID> customers) {
        List<UUID> pending = List.copyOf(customers);
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Object> chunk = new ArrayList<>(pending.subList(from, Math.min(pending.size(), from + CHUNK)));
            jdbc.update("delete from kpi_customer_day where customer_id in (" + Jdbc.markers(chunk.size()) + ")", chunk.toArray());
            insert("p.customer_id in (" + Jdbc.markers(chunk.size()) + ")", chunk);
        }
    }

    /** The customers that merges and splits recorded after {@code after} moved profiles out of or into. */
    public Set<UUID> movedAfter(OffsetDateTime after) {
        Set<UUID> customers = new LinkedHashSet<>();
        jdbc.query("select m.from_customer, m.to_customer from identity_event_profile m join identity_event e on e.id = m.event_id"
                + " where e.occurred_at > ?", row -> {
                    customers.add(Jdbc.uuid(row, "from_customer"));
                    customers.add(Jdbc.uuid(row, "to_customer"));
                    return null;
                }, after);
        return customers;
    }

    /** The latest merge or split ({@code identity_event.occurred_at}) already in {@code kpi_customer_day}. */
    public OffsetDateTime followedUntil() {
        return jdbc.queryOne("select customers_at from kpi_fold_state where id = ?", row -> Jdbc.time(row, "customers_at"), STATE)
                .orElseThrow();
    }

    /** Records that merges and splits up to {@code at} are in; never moves back. */
    public void followed(OffsetDateTime at) {
        jdbc.update("update kpi_fold_state set customers_at = case when customers_at < ? then ? else customers_at end where id = ?",
                at, at, STATE);
    }

    /**
     * Inserts the per-customer rows of the {@code kpi_profile_day} rows {@code d} (joined to their profile
     * {@code p}) that {@code where} selects: sums per customer, day, module and phase, and the best peak,
     * end and MRR row by the order the KPI queries use. The same statement as migration V1_82's backfill.
     */
    private void insert(String where, List<Object> params) {
        String sql = "insert into kpi_customer_day (customer_id, epoch_day, module, phase, customer_kind, phase_rank, touchpoints, orders,"
                + " order_amount, scored, peak_30, peak_at, peak_id, peak_type, end_30, end_at, end_id, mrr, mrr_at, mrr_id)"
                + " select g.customer_id, g.epoch_day, g.module, g.phase, g.kind, g.phase_rank, g.touchpoints, g.orders, g.order_amount,"
                + " g.scored, pk.peak_30, pk.peak_at, pk.peak_id, pk.peak_type, en.end_30, en.end_at, en.end_id, mr.mrr, mr.mrr_at, mr.mrr_id"
                + " from (select p.customer_id, d.epoch_day, d.module, d.phase, c.kind, max(d.phase_rank) as phase_rank,"
                + " sum(d.touchpoints) as touchpoints, sum(d.orders) as orders, sum(d.order_amount) as order_amount, sum(d.scored) as scored"
                + ROWS + " join customer c on c.id = p.customer_id where " + where
                + " group by p.customer_id, d.epoch_day, d.module, d.phase, c.kind) g"
                + " left join (select p.customer_id, d.epoch_day, d.module, d.phase, d.peak_30, d.peak_at, d.peak_id, d.peak_type,"
                + " row_number() over (partition by p.customer_id, d.epoch_day, d.module, d.phase"
                + " order by abs(d.peak_30) desc, d.peak_at desc, d.peak_id desc) as n" + ROWS + " where " + where + " and d.scored > 0) pk"
                + " on pk.customer_id = g.customer_id and pk.epoch_day = g.epoch_day and pk.module = g.module and pk.phase = g.phase and pk.n = 1"
                + " left join (select p.customer_id, d.epoch_day, d.module, d.phase, d.end_30, d.end_at, d.end_id,"
                + " row_number() over (partition by p.customer_id, d.epoch_day, d.module, d.phase order by d.end_at desc, d.end_id desc) as n"
                + ROWS + " where " + where + " and d.scored > 0) en"
                + " on en.customer_id = g.customer_id and en.epoch_day = g.epoch_day and en.module = g.module and en.phase = g.phase and en.n = 1"
                + " left join (select p.customer_id, d.epoch_day, d.module, d.phase, d.mrr, d.mrr_at, d.mrr_id,"
                + " row_number() over (partition by p.customer_id, d.epoch_day, d.module, d.phase order by d.mrr_at desc, d.mrr_id desc) as n"
                + ROWS + " where " + where + " and d.mrr is not null) mr"
                + " on mr.customer_id = g.customer_id and mr.epoch_day = g.epoch_day and mr.module = g.module and mr.phase = g.phase and mr.n = 1";
        List<Object> all = new ArrayList<>(params.size() * 4);
        for (int i = 0; i < 4; i++) {
            all.addAll(params);
        }
        jdbc.update(sql, all.toArray());
    }
}
