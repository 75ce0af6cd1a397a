package dev.kreis.platform.kpi.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * The merges and splits recorded after {@code after} not yet followed ({@code kpi_identity_followed}), and the
     * customers they moved profiles out of or into.
     */
    public Unfollowed unfollowedAfter(OffsetDateTime after) {
        Map<UUID, OffsetDateTime> events = new LinkedHashMap<>();
        Set<UUID> customers = new LinkedHashSet<>();
        jdbc.query("select e.id, e.occurred_at, m.from_customer, m.to_customer from identity_event e"
                + " join identity_event_profile m on m.event_id = e.id"
                + " where e.occurred_at > ? and not exists (select 1 from kpi_identity_followed f where f.event_id = e.id)", row -> {
                    events.put(Jdbc.uuid(row, "id"), Jdbc.time(row, "occurred_at"));
                    customers.add(Jdbc.uuid(row, "from_customer"));
                    customers.add(Jdbc.uuid(row, "to_customer"));
                    return null;
                }, after);
        return new Unfollowed(events, customers);
    }

    /** Merges and splits (id → when) and the customers they moved profiles between. */
    public record Unfollowed(Map<UUID, OffsetDateTime> events, Set<UUID> customers) {
    }

    /**
     * Records the events as followed, and forgets those at or before {@code before}: a look again never reaches
     * back that far.
     */
    public void markFollowed(Map<UUID, OffsetDateTime> events, OffsetDateTime before) {
        jdbc.update("delete from kpi_identity_followed where occurred_at <= ?", before);
        List<Object[]> rows = events.entrySet().stream().map(e -> new Object[] { e.getKey(), e.getValue() }).toList();
        if (!rows.isEmpty()) {
            jdbc.batch("insert into kpi_identity_followed (event_id, occurred_at) values (?, ?)", rows);
        }
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
     * end and MRR row by the order the KPI queries use. The rows are read and joined to their customer
     * once ({@code r}, which PostgreSQL materialises since it is read four times); the values are those
     * of migration V1_82's backfill statement, which joined the profiles for each of the four parts.
     */
    private void insert(String where, List<Object> params) {
        String sql = "insert into kpi_customer_day (customer_id, epoch_day, module, phase, customer_kind, phase_rank, touchpoints, orders,"
                + " order_amount, scored, peak_30, peak_at, peak_id, peak_type, end_30, end_at, end_id, mrr, mrr_at, mrr_id)"
                + " with r as (select p.customer_id, c.kind, d.epoch_day, d.module, d.phase, d.phase_rank, d.touchpoints, d.orders,"
                + " d.order_amount, d.scored, d.peak_30, d.peak_at, d.peak_id, d.peak_type, d.end_30, d.end_at, d.end_id, d.mrr, d.mrr_at,"
                + " d.mrr_id" + ROWS + " join customer c on c.id = p.customer_id where " + where + ")"
                + " select g.customer_id, g.epoch_day, g.module, g.phase, g.kind, g.phase_rank, g.touchpoints, g.orders, g.order_amount,"
                + " g.scored, pk.peak_30, pk.peak_at, pk.peak_id, pk.peak_type, en.end_30, en.end_at, en.end_id, mr.mrr, mr.mrr_at, mr.mrr_id"
                + " from (select customer_id, epoch_day, module, phase, kind, max(phase_rank) as phase_rank, sum(touchpoints) as touchpoints,"
                + " sum(orders) as orders, sum(order_amount) as order_amount, sum(scored) as scored from r"
                + " group by customer_id, epoch_day, module, phase, kind) g"
                + " left join (select customer_id, epoch_day, module, phase, peak_30, peak_at, peak_id, peak_type,"
                + " row_number() over (partition by customer_id, epoch_day, module, phase order by abs(peak_30) desc, peak_at desc, peak_id desc)"
                + " as n from r where scored > 0) pk"
                + " on pk.customer_id = g.customer_id and pk.epoch_day = g.epoch_day and pk.module = g.module and pk.phase = g.phase and pk.n = 1"
                + " left join (select customer_id, epoch_day, module, phase, end_30, end_at, end_id,"
                + " row_number() over (partition by customer_id, epoch_day, module, phase order by end_at desc, end_id desc) as n"
                + " from r where scored > 0) en"
                + " on en.customer_id = g.customer_id and en.epoch_day = g.epoch_day and en.module = g.module and en.phase = g.phase and en.n = 1"
                + " left join (select customer_id, epoch_day, module, phase, mrr, mrr_at, mrr_id,"
                + " row_number() over (partition by customer_id, epoch_day, module, phase order by mrr_at desc, mrr_id desc) as n"
                + " from r where mrr is not null) mr"
                + " on mr.customer_id = g.customer_id and mr.epoch_day = g.epoch_day and mr.module = g.module and mr.phase = g.phase and mr.n = 1";
        jdbc.update(sql, params.toArray());
    }
}
