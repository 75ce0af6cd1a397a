package dev.kreis.platform.kpi.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.touchpoint.JourneyPhase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The funnel's gap cells ({@code kpi_gap_cell}, ADR 0009). For each property "a customer's day reaches phase rank p"
 * the days with the property cut each customer's time line into gaps {@code (q, d)}: between consecutive such days,
 * before the first ({@code q = }{@link #BEFORE}) and after the last ({@code d = }{@link #AFTER}). A customer has no
 * such day in {@code [a, b)} exactly when one of its gaps has {@code q < a} and {@code d >= b}, so the customers
 * reaching p in the period are those with any such day (one gap ending {@code AFTER} each) minus the gaps over the
 * period. The table holds the number of gaps per cell, per property and customer kind, in four grains of
 * {@value #BLOCK}-day blocks, so a period reads at most a few blocks' worth of day cells and the rest in blocks:
 * a number of cells bounded by the calendar, whatever the number of customers.
 *
 * <p>The fold keeps the cells with {@code kpi_customer_day}: before it rewrites rows of some customers it computes
 * their gaps, after it computes them again, and adds the difference ({@link CustomerDayRepository}), under the fold
 * lock. {@link #rebuild()} computes every cell from {@code kpi_customer_day} in one statement.
 */
@ApplicationScoped
public class GapCells {
    /** The days of a block; blocks start at multiples of it counted from 1970-01-01. */
    static final int BLOCK = 32;
    /** {@code q} of the gap before a customer's first day with the property. */
    static final int BEFORE = Integer.MIN_VALUE;
    /** {@code d} of the gap after a customer's last day with the property. */
    static final int AFTER = Integer.MAX_VALUE;
    static final int PROPERTIES = JourneyPhase.values().length;
    private static final String STATE = "touchpoints";
    private static final int CHUNK = 500;

    private final Jdbc jdbc;
    private final TailSums tailSums;

    GapCells(Jdbc jdbc, TailSums tailSums) {
        this.jdbc = jdbc;
        this.tailSums = tailSums;
    }

    /** A gap of one customer of this kind between days with phase rank ≥ {@code property}. */
    record Gap(int property, String kind, int q, int d) {
    }

    /** The start of the block of {@code day}; {@link #BEFORE} and {@link #AFTER} stand for themselves. */
    static int block(int day) {
        return day == BEFORE || day == AFTER ? day : Math.floorDiv(day, BLOCK) * BLOCK;
    }

    /** A customer's kind and the highest phase rank of each of its days (ranks below 0 count as no phase). */
    record CustomerDays(String kind, TreeMap<Integer, Integer> ranks) {
        /** These days with {@code day}'s rank replaced by {@code rank} ({@code null}: no row that day). */
        CustomerDays with(int day, Integer rank) {
            TreeMap<Integer, Integer> copy = new TreeMap<>(ranks);
            if (rank == null || rank < 0) {
                copy.remove(day);
            } else {
                copy.put(day, rank);
            }
            return new CustomerDays(kind, copy);
        }

        /** Adds each of this customer's gaps to {@code cells} with {@code sign}. */
        void count(Map<Gap, Long> cells, long sign) {
            for (int property = 0; property < PROPERTIES; property++) {
                int previous = BEFORE;
                for (Map.Entry<Integer, Integer> day : ranks.entrySet()) {
                    if (day.getValue() >= property) {
                        cells.merge(new Gap(property, kind, previous, day.getKey()), sign, Long::sum);
                        previous = day.getKey();
                    }
                }
                if (previous != BEFORE) {
                    cells.merge(new Gap(property, kind, previous, AFTER), sign, Long::sum);
                }
            }
        }
    }

    /**
     * Whether the cells and the tail sums ({@link TailSums}, ADR 0010) count every row of {@code kpi_customer_day}:
     * false after migrations V1_93 and V1_94 on a database with rows, and while a fold over many days has them set aside.
     */
    public boolean built() {
        return jdbc.queryOne("select gap_cells_built from kpi_fold_state where id = ?", row -> row.getBoolean("gap_cells_built"), STATE)
                .orElse(false);
    }

    /**
     * Records the cells and the tail sums as not built: the fold stops keeping them and the KPIs group rows until
     * {@link #rebuild()}.
     */
    public void setAside() {
        jdbc.update("update kpi_fold_state set gap_cells_built = ? where id = ?", false, STATE);
    }

    /** Recomputes every cell and the tail sums from {@code kpi_customer_day} and records them as built; call holding the fold lock. */
    public void rebuild() {
        tailSums.rebuild();
        String ranks = "(select customer_id, customer_kind, epoch_day, max(phase_rank) as r from kpi_customer_day"
                + " group by customer_id, customer_kind, epoch_day)";
        StringBuilder properties = new StringBuilder("(select 0 as property");
        for (int property = 1; property < PROPERTIES; property++) {
            properties.append(" union all select ").append(property);
        }
        properties.append(")");
        String days = "(select r.customer_id, r.customer_kind, p.property, r.epoch_day from " + ranks + " r join " + properties
                + " p on r.r >= p.property)";
        String order = "(partition by customer_id, property order by epoch_day)";
        String neighbours = "(select customer_kind, property, epoch_day, lag(epoch_day) over " + order + " as prev, lead(epoch_day) over "
                + order + " as next from " + days + " x)";
        // each day with the property ends the gap from the day before it; the last one also starts the gap to +∞
        String gaps = "(select customer_kind, property, q, d, count(*) as n from (select w.customer_kind, w.property,"
                + " case when s.part = 0 then coalesce(w.prev, " + BEFORE + ") else w.epoch_day end as q,"
                + " case when s.part = 0 then w.epoch_day else " + AFTER + " end as d from " + neighbours + " w cross join"
                + " (select 0 as part union all select 1) s where s.part = 0 or w.next is null) e group by customer_kind, property, q, d)";
        String grains = "(select 0 as grain union all select 1 union all select 2 union all select 3)";
        String qCell = "case when k.grain in (1, 3) then " + blockSql("g.q") + " else g.q end";
        String dCell = "case when k.grain in (2, 3) then " + blockSql("g.d") + " else g.d end";
        String lead = "case k.grain when 0 then " + blockSql("g.d") + " when 1 then g.d when 2 then g.q else " + blockSql("g.d") + " end";
        jdbc.update("delete from kpi_gap_cell");
        jdbc.update("insert into kpi_gap_cell (grain, lead, q, d, property, customer_kind, gaps) select grain, lead, q, d, property,"
                + " customer_kind, sum(n) from (select k.grain, " + lead + " as lead, " + qCell + " as q, " + dCell + " as d, g.property,"
                + " g.customer_kind, g.n from " + gaps + " g cross join " + grains + " k) c group by grain, lead, q, d, property, customer_kind");
        jdbc.update("update kpi_fold_state set gap_cells_built = ? where id = ?", true, STATE);
    }

    /** {@link #block(int)} in SQL: integer arithmetic only, the same in PostgreSQL and H2. */
    private static String blockSql(String day) {
        return "case when " + day + " in (" + BEFORE + ", " + AFTER + ") then " + day + " else " + day + " - mod(mod(" + day + ", " + BLOCK
                + ") + " + BLOCK + ", " + BLOCK + ") end";
    }

    /**
     * The days of these customers in {@code kpi_customer_day}, without {@code exceptDay} if not null; customers
     * without rows are missing from the answer.
     */
    Map<UUID, CustomerDays> days(Collection<UUID> customers, Integer exceptDay) {
        Map<UUID, CustomerDays> days = new HashMap<>();
        List<UUID> pending = List.copyOf(customers);
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Object> params = new ArrayList<>(pending.subList(from, Math.min(pending.size(), from + CHUNK)));
            String sql = "select customer_id, customer_kind, epoch_day, max(phase_rank) as r from kpi_customer_day where customer_id in ("
                    + Jdbc.markers(params.size()) + ")";
            if (exceptDay != null) {
                sql += " and epoch_day <> ?";
                params.add(exceptDay);
            }
            jdbc.query(sql + " group by customer_id, customer_kind, epoch_day", row -> {
                int rank = row.getInt("r");
                String kind = row.getString("customer_kind");
                CustomerDays customer = days.computeIfAbsent(Jdbc.uuid(row, "customer_id"), id -> new CustomerDays(kind, new TreeMap<>()));
                if (rank >= 0) {
                    customer.ranks().put(row.getInt("epoch_day"), rank);
                }
                return null;
            }, params.toArray());
        }
        return days;
    }

    /** Each customer's kind and highest phase rank on {@code epochDay}. */
    Map<UUID, DayRank> dayRanks(int epochDay) {
        Map<UUID, DayRank> ranks = new HashMap<>();
        jdbc.query("select customer_id, customer_kind, max(phase_rank) as r from kpi_customer_day where epoch_day = ?"
                + " group by customer_id, customer_kind", row -> ranks.put(Jdbc.uuid(row, "customer_id"),
                        new DayRank(row.getString("customer_kind"), row.getInt("r"))), epochDay);
        return ranks;
    }

    /** A customer's kind and highest phase rank on a day. */
    record DayRank(String kind, int rank) {
    }

    /** Adds the differences to the cells in all four grains; cells that reach zero are deleted. */
    void add(Map<Gap, Long> difference) {
        Map<List<Object>, Long> cells = new HashMap<>();
        difference.forEach((gap, n) -> {
            if (n == 0) {
                return;
            }
            int qBlock = block(gap.q());
            int dBlock = block(gap.d());
            cells.merge(List.of(0, dBlock, gap.q(), gap.d(), gap.property(), gap.kind()), n, Long::sum);
            cells.merge(List.of(1, gap.d(), qBlock, gap.d(), gap.property(), gap.kind()), n, Long::sum);
            cells.merge(List.of(2, gap.q(), gap.q(), dBlock, gap.property(), gap.kind()), n, Long::sum);
            cells.merge(List.of(3, dBlock, qBlock, dBlock, gap.property(), gap.kind()), n, Long::sum);
        });
        List<Object[]> rows = new ArrayList<>();
        cells.forEach((cell, n) -> {
            if (n != 0) {
                rows.add(new Object[] { cell.get(0), cell.get(1), cell.get(2), cell.get(3), cell.get(4), cell.get(5), n });
            }
        });
        ValuesMerge.run(jdbc, rows, "(?, ?, ?, ?, ?, ?, ?)", values -> "merge into kpi_gap_cell c using (values " + values
                + ") as s (grain, lead, q, d, property, customer_kind, gaps)"
                + " on c.grain = s.grain and c.lead = s.lead and c.q = s.q and c.d = s.d and c.property = s.property"
                + " and c.customer_kind = s.customer_kind"
                + " when matched and c.gaps + s.gaps = 0 then delete"
                + " when matched then update set gaps = c.gaps + s.gaps"
                + " when not matched then insert (grain, lead, q, d, property, customer_kind, gaps)"
                + " values (s.grain, s.lead, s.q, s.d, s.property, s.customer_kind, s.gaps)");
    }

    /**
     * The customers (of {@code kind}, or of every kind when null) with a day of phase rank ≥ p in {@code [a, b)}, for
     * p = 0..6: all customers with such a day minus the gaps with {@code q < a} and {@code d >= b}, in four regions —
     * q in an earlier block than a's or in a's block before a, d in a later block than b's or in b's block from b on.
     */
    long[] reached(int a, int b, String kind) {
        int aBlock = block(a);
        int afterB = block(b) + BLOCK;
        List<Object> params = new ArrayList<>();
        String kindSql = kind == null ? "" : " and customer_kind = ?";
        StringBuilder sql = new StringBuilder("select property, sum(n) as n from (");
        sql.append("select property, gaps as n from kpi_gap_cell where grain = 3 and lead = ").append(AFTER).append(kindSql);
        addKind(params, kind);
        sql.append(" union all select property, -gaps from kpi_gap_cell where grain = 3 and lead >= ? and q < ?").append(kindSql);
        params.add(afterB);
        params.add(aBlock);
        addKind(params, kind);
        sql.append(" union all select property, -gaps from kpi_gap_cell where grain = 1 and lead >= ? and lead < ? and q < ?").append(kindSql);
        params.add(b);
        params.add(afterB);
        params.add(aBlock);
        addKind(params, kind);
        sql.append(" union all select property, -gaps from kpi_gap_cell where grain = 2 and lead >= ? and lead < ? and d >= ?").append(kindSql);
        params.add(aBlock);
        params.add(a);
        params.add(afterB);
        addKind(params, kind);
        sql.append(" union all select property, -gaps from kpi_gap_cell where grain = 0 and lead = ? and q >= ? and q < ? and d >= ?")
                .append(kindSql);
        params.add(block(b));
        params.add(aBlock);
        params.add(a);
        params.add(b);
        addKind(params, kind);
        sql.append(") z group by property");
        long[] reached = new long[PROPERTIES];
        jdbc.query(sql.toString(), row -> reached[row.getInt("property")] = row.getLong("n"), params.toArray());
        return reached;
    }

    private static void addKind(List<Object> params, String kind) {
        if (kind != null) {
            params.add(kind);
        }
    }
}
