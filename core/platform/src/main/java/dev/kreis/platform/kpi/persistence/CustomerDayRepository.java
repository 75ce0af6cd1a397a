package dev.kreis.platform.kpi.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private final Jdbc jdbc;
    private final GapCells gapCells;
    private final TailSums tailSums;

    CustomerDayRepository(Jdbc jdbc, GapCells gapCells, TailSums tailSums) {
        this.jdbc = jdbc;
        this.gapCells = gapCells;
        this.tailSums = tailSums;
    }

    /**
     * Recomputes one UTC day's rows from its {@code kpi_profile_day} rows; call after the fold wrote them. The gap
     * cells (ADR 0009) change by the gaps of the customers whose highest phase rank that day changed: their other
     * days are read once and their gaps counted with the day as it was and as it is now. The tail sums (ADR 0010) the
     * same way, by the customers whose combined row that day changed.
     */
    public void refoldDay(int epochDay) {
        boolean cells = gapCells.built();
        Map<UUID, GapCells.DayRank> before = cells ? gapCells.dayRanks(epochDay) : Map.of();
        Map<UUID, TailSums.Kinded> tailsBefore = cells ? tailSums.day(epochDay) : Map.of();
        jdbc.update("delete from kpi_customer_day where epoch_day = ?", epochDay);
        // each row's customer looked up by the profile's key: joining the profile table instead let PostgreSQL read and
        // hash every profile for each day (38 of 90 ms a day at 100,000 profiles, growing with them)
        insert("select d.*, (select p.customer_id from profile p where p.id = d.profile_id) as customer_id from kpi_profile_day d"
                + " where d.epoch_day = ?", List.of(epochDay));
        if (!cells) {
            return;
        }
        tailSums.refoldedDay(epochDay, tailsBefore, tailSums.day(epochDay));
        Map<UUID, GapCells.DayRank> after = gapCells.dayRanks(epochDay);
        Set<UUID> changed = new LinkedHashSet<>();
        before.forEach((customer, rank) -> {
            if (rank(rank) != rank(after.get(customer))) {
                changed.add(customer);
            }
        });
        after.forEach((customer, rank) -> {
            if (rank(rank) != rank(before.get(customer))) {
                changed.add(customer);
            }
        });
        Map<UUID, GapCells.CustomerDays> otherDays = gapCells.days(changed, epochDay);
        Map<GapCells.Gap, Long> difference = new HashMap<>();
        for (UUID customer : changed) {
            GapCells.DayRank was = before.get(customer);
            GapCells.DayRank is = after.get(customer);
            String kind = (is != null ? is : was).kind();
            GapCells.CustomerDays others = otherDays.getOrDefault(customer, new GapCells.CustomerDays(kind, new TreeMap<>()));
            others.with(epochDay, was == null ? null : was.rank()).count(difference, -1);
            others.with(epochDay, is == null ? null : is.rank()).count(difference, 1);
        }
        gapCells.add(difference);
    }

    /** The rank that counts for the gaps: none for no row or a rank below 0. */
    private static int rank(GapCells.DayRank rank) {
        return rank == null || rank.rank() < 0 ? -1 : rank.rank();
    }

    /**
     * Recomputes every row of these customers from their current profiles' {@code kpi_profile_day} rows, and their
     * gap cells and tail sums from their days before and after.
     */
    public void refoldCustomers(Collection<UUID> customers) {
        boolean cells = gapCells.built();
        List<UUID> pending = List.copyOf(customers);
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<UUID> ids = pending.subList(from, Math.min(pending.size(), from + CHUNK));
            List<Object> chunk = new ArrayList<>(ids);
            Map<UUID, GapCells.CustomerDays> before = cells ? gapCells.days(ids, null) : Map.of();
            Map<UUID, TailSums.CustomerDays> tailsBefore = cells ? tailSums.days(ids, null) : Map.of();
            jdbc.update("delete from kpi_customer_day where customer_id in (" + Jdbc.markers(chunk.size()) + ")", chunk.toArray());
            insert("select d.*, p.customer_id from kpi_profile_day d join profile p on p.id = d.profile_id where p.customer_id in ("
                    + Jdbc.markers(chunk.size()) + ")", chunk);
            if (cells) {
                Map<GapCells.Gap, Long> difference = new HashMap<>();
                before.values().forEach(days -> days.count(difference, -1));
                gapCells.days(ids, null).values().forEach(days -> days.count(difference, 1));
                gapCells.add(difference);
                Map<TailSums.Key, TailSums.Amount> tails = new HashMap<>();
                tailsBefore.values().forEach(days -> days.count(tails, -1));
                tailSums.days(ids, null).values().forEach(days -> days.count(tails, 1));
                tailSums.add(tails);
            }
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
     * Inserts the per-customer rows of the {@code kpi_profile_day} rows that {@code rows} selects, each with its
     * profile's {@code customer_id}: sums per customer, day, module and phase, and the best peak,
     * end and MRR row by the order the KPI queries use. One pass of window functions over the rows, then
     * one row per group: no join of the rows with themselves, so the cost stays linear whatever the planner
     * estimates. (The former statement joined three ranked copies of the rows to their groups; for a day the
     * statistics had not seen yet PostgreSQL estimated one row, chose nested loops, and one day of a 10
     * million touchpoint load took 35 s instead of well under one.) The values are those of migration V1_82's
     * backfill statement. {@code rows} is computed once ({@code offset 0}: PostgreSQL does not pull it into the outer
     * query, where the customer's lookup would be repeated in every window); a row whose profile is missing is left out,
     * as the join with the profile table left it out, and each row's customer kind is looked up by its key.
     */
    private void insert(String rows, List<Object> params) {
        String group = "partition by d.customer_id, d.epoch_day, d.module, d.phase";
        String peak = "(" + group + " order by case when d.scored > 0 then 0 else 1 end, abs(d.peak_30) desc, d.peak_at desc, d.peak_id desc)";
        String end = "(" + group + " order by case when d.scored > 0 then 0 else 1 end, d.end_at desc, d.end_id desc)";
        String mrr = "(" + group + " order by case when d.mrr is null then 1 else 0 end, d.mrr_at desc, d.mrr_id desc)";
        String all = "(" + group + ")";
        String sql = "insert into kpi_customer_day (customer_id, epoch_day, module, phase, customer_kind, phase_rank, touchpoints, orders,"
                + " order_amount, scored, peak_30, peak_at, peak_id, peak_type, end_30, end_at, end_id, mrr, mrr_at, mrr_id)"
                + " select customer_id, epoch_day, module, phase, kind, phase_rank, touchpoints, orders, order_amount, scored,"
                + " case when scored > 0 then peak_30 end, case when scored > 0 then peak_at end, case when scored > 0 then peak_id end,"
                + " case when scored > 0 then peak_type end, case when scored > 0 then end_30 end, case when scored > 0 then end_at end,"
                + " case when scored > 0 then end_id end, mrr, case when mrr is not null then mrr_at end,"
                + " case when mrr is not null then mrr_id end"
                + " from (select d.customer_id, (select c.kind from customer c where c.id = d.customer_id) as kind, d.epoch_day, d.module,"
                + " d.phase, row_number() over " + all + " as n,"
                + " max(d.phase_rank) over " + all + " as phase_rank, sum(d.touchpoints) over " + all + " as touchpoints,"
                + " sum(d.orders) over " + all + " as orders, sum(d.order_amount) over " + all + " as order_amount,"
                + " sum(d.scored) over " + all + " as scored,"
                + " first_value(d.peak_30) over " + peak + " as peak_30, first_value(d.peak_at) over " + peak + " as peak_at,"
                + " first_value(d.peak_id) over " + peak + " as peak_id, first_value(d.peak_type) over " + peak + " as peak_type,"
                + " first_value(d.end_30) over " + end + " as end_30, first_value(d.end_at) over " + end + " as end_at,"
                + " first_value(d.end_id) over " + end + " as end_id,"
                + " first_value(d.mrr) over " + mrr + " as mrr, first_value(d.mrr_at) over " + mrr + " as mrr_at,"
                + " first_value(d.mrr_id) over " + mrr + " as mrr_id"
                + " from (" + rows + " offset 0) d where d.customer_id is not null) w where n = 1";
        jdbc.update(sql, params.toArray());
    }
}
