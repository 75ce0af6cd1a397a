package dev.kreis.platform.kpi.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.kreis.platform.kpi.ChurnAndRetention;
import dev.kreis.platform.kpi.Funnel;
import dev.kreis.platform.kpi.ProactiveShare;
import dev.kreis.platform.kpi.Repurchase;
import dev.kreis.platform.kpi.RevenueRetention;
import dev.kreis.platform.kpi.ScoreHistogram;
import dev.kreis.platform.kpi.AverageOrderValue;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.touchpoint.RevenueTypes;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The aggregates the core KPIs are computed from, each one query over the rollups (ADR 0004). Days
 * are epoch days, {@code fromDay} inclusive and {@code toDay} exclusive. Per-customer aggregates join
 * {@code profile.customer_id}, the customer a profile belongs to now, so a merged customer's data
 * counts once, for the customer that survived.
 */
@ApplicationScoped
public class KpiRollupQueries implements CustomerAggregates {
    private final Jdbc jdbc;

    KpiRollupQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Filters a rollup query applies; {@code null} means "any".
     *
     * @param customerKind only customers of this kind ({@code person}, {@code organisation})
     */
    public record Filter(int fromDay, int toDay, String module, String phase, String customerKind) {
    }

    /** Answers per score on {@code scale} in the period. */
    public ScoreHistogram scores(ScoreScale scale, Filter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select score, sum(touchpoints) as n from kpi_day_rollup where score_scale = ? and score >= 0");
        params.add(scale.wire());
        dayFilter(filter, sql, params);
        sql.append(" group by score");
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.query(sql.toString(), row -> counts.put(row.getInt("score"), row.getLong("n")), params.toArray());
        return ScoreHistogram.ofCounts(scale, counts);
    }

    /** Service touchpoints by initiator; {@code serviceTypes} are type keys or prefixes ending in {@code *}. */
    public ProactiveShare proactiveShare(List<String> serviceTypes, Filter filter) {
        if (serviceTypes.isEmpty()) {
            return new ProactiveShare(0, 0);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select coalesce(sum(touchpoints), 0) as n,"
                + " coalesce(sum(case when initiator = 'company' then touchpoints else 0 end), 0) as company from kpi_day_rollup where (");
        for (int i = 0; i < serviceTypes.size(); i++) {
            String type = serviceTypes.get(i);
            sql.append(i == 0 ? "" : " or ");
            if (type.endsWith("*")) {
                sql.append("type like ?");
                params.add(type.substring(0, type.length() - 1).replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                sql.append("type = ?");
                params.add(type);
            }
        }
        sql.append(")");
        dayFilter(filter, sql, params);
        return jdbc.queryOne(sql.toString(), row -> new ProactiveShare(row.getLong("company"), row.getLong("n")), params.toArray())
                .orElseThrow();
    }

    /** Orders and their revenue. */
    public AverageOrderValue orders(Filter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select coalesce(sum(touchpoints), 0) as n, coalesce(sum(amount_sum), 0) as revenue"
                + " from kpi_day_rollup where type = ?");
        params.add(RevenueTypes.ORDER);
        dayFilter(filter, sql, params);
        return jdbc.queryOne(sql.toString(), row -> new AverageOrderValue(row.getLong("n"), row.getBigDecimal("revenue")),
                params.toArray()).orElseThrow();
    }

    /** Orders and their revenue, from the per-profile rollup: slower than {@link #orders}, but it can narrow to a customer segment. */
    public AverageOrderValue ordersOfCustomers(Filter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "select coalesce(sum(d.orders), 0) as n, coalesce(sum(d.order_amount), 0) as revenue" + profileDays(filter, params)
                + " and d.orders > 0";
        return jdbc.queryOne(sql, row -> new AverageOrderValue(row.getLong("n"), row.getBigDecimal("revenue")), params.toArray())
                .orElseThrow();
    }

    /**
     * Customers with at least one order, and with two or more, for each bucket
     * {@code [bounds[i], bounds[i + 1])} in one pass over the rows; the filter's own period is ignored.
     */
    @Override
    public List<Repurchase> repurchase(Filter filter, int[] bounds) {
        List<Object> params = new ArrayList<>();
        String bucket = bucket(bounds, params);
        String rows = bucketRows(filter, bounds, params);
        String sql = "select b, count(*) as buyers, coalesce(sum(case when o >= 2 then 1 else 0 end), 0) as repeat_buyers from ("
                + "select x.b, p.customer_id, sum(x.o) as o from (select b, profile_id, sum(orders) as o from (select " + bucket
                + " as b, d.profile_id, d.orders" + rows + " and d.orders > 0) z group by b, profile_id) x" + currentCustomer(filter, params)
                + " group by x.b, p.customer_id) y group by b";
        Repurchase[] buckets = new Repurchase[bounds.length - 1];
        Arrays.fill(buckets, new Repurchase(0, 0));
        jdbc.query(sql, row -> buckets[row.getInt("b")] = new Repurchase(row.getLong("buyers"), row.getLong("repeat_buyers")),
                params.toArray());
        return List.of(buckets);
    }

    /**
     * How many customers reached each phase — their furthest phase in the bucket, counted at that phase
     * and every earlier one — for each bucket {@code [bounds[i], bounds[i + 1])} in one pass over the
     * rows; the filter's period is ignored.
     */
    @Override
    public List<Funnel> funnel(Filter filter, int[] bounds) {
        List<Object> params = new ArrayList<>();
        String bucket = bucket(bounds, params);
        String rows = bucketRows(filter, bounds, params);
        String sql = "select b, m, count(*) as n from (select x.b, p.customer_id, max(x.m) as m from (select b, profile_id, max(phase_rank) as m"
                + " from (select " + bucket + " as b, d.profile_id, d.phase_rank" + rows + " and d.phase_rank >= 0) z group by b, profile_id) x"
                + currentCustomer(filter, params) + " group by x.b, p.customer_id) y group by b, m";
        long[][] atPhase = new long[bounds.length - 1][JourneyPhase.values().length];
        jdbc.query(sql, row -> atPhase[row.getInt("b")][row.getInt("m")] += row.getLong("n"), params.toArray());
        return Arrays.stream(atPhase).map(Funnel::ofFurthestPhaseCounts).toList();
    }

    /**
     * The sum over customers of (peak + end) in thirtieths, and the number of customers with a scored
     * touchpoint, for each bucket {@code [bounds[i], bounds[i + 1])} in one pass over the rows (the
     * filter's period is ignored): a customer's peak is their largest absolute normalised score (the
     * later one on a tie), their end the last one.
     */
    @Override
    public List<PeakEndSum> peakEnd(Filter filter, int[] bounds) {
        List<Object> params = new ArrayList<>();
        String bucket = bucket(bounds, params);
        StringBuilder base = new StringBuilder("select " + bucket + " as b, p.customer_id as c, d.peak_30, d.peak_at, d.peak_id, d.end_30,"
                + " d.end_at, d.end_id from kpi_profile_day d join profile p on p.id = d.profile_id");
        customerKind(filter, base, params);
        base.append(rowFilters(filter, bounds, params)).append(" and d.scored > 0");
        return peakEndOf(jdbc, base.toString(), params, bounds);
    }

    /**
     * Per bucket, each customer's peak and end among the rows {@code base} selects (columns b, c, peak_30,
     * peak_at, peak_id, end_30, end_at, end_id), summed.
     */
    static List<PeakEndSum> peakEndOf(Jdbc jdbc, String base, List<Object> params, int[] bounds) {
        String sql = "with r as (" + base + "),"
                + " pk as (select b, c, peak_30, row_number() over (partition by b, c order by abs(peak_30) desc, peak_at desc, peak_id desc) as n from r),"
                + " en as (select b, c, end_30, row_number() over (partition by b, c order by end_at desc, end_id desc) as n from r)"
                + " select pk.b, count(*) as customers, coalesce(sum(pk.peak_30 + en.end_30), 0) as total"
                + " from pk join en on en.b = pk.b and en.c = pk.c and en.n = 1 where pk.n = 1 group by pk.b";
        PeakEndSum[] buckets = new PeakEndSum[bounds.length - 1];
        Arrays.fill(buckets, new PeakEndSum(0, BigDecimal.ZERO));
        jdbc.query(sql, row -> buckets[row.getInt("b")] = new PeakEndSum(row.getLong("customers"), row.getBigDecimal("total")),
                params.toArray());
        return List.of(buckets);
    }

    /**
     * The customers with a scored touchpoint in the period, those of them whose peak is negative, and
     * how many of those had it at each touchpoint type, most first (then by type): where a bad moment
     * most often defines the experience. One pass: every customer's peak, grouped by its type.
     */
    public NegativePeaks negativePeaks(Filter filter) {
        List<Object> params = new ArrayList<>();
        String base = "select p.customer_id as c, d.peak_30, d.peak_at, d.peak_id, d.peak_type" + profileDays(filter, params) + " and d.scored > 0";
        String sql = "with r as (" + base + "),"
                + " pk as (select c, peak_30, peak_type, row_number() over (partition by c order by abs(peak_30) desc, peak_at desc, peak_id desc) as n from r)"
                + " select peak_type, count(*) as peaks, sum(case when peak_30 < 0 then 1 else 0 end) as negative"
                + " from pk where n = 1 group by peak_type order by negative desc, peak_type";
        List<PeakTypeRow> rows = jdbc.query(sql,
                row -> new PeakTypeRow(row.getString("peak_type"), row.getLong("peaks"), row.getLong("negative")), params.toArray());
        return new NegativePeaks(rows.stream().mapToLong(PeakTypeRow::peaks).sum(), rows.stream().mapToLong(PeakTypeRow::negative).sum(),
                rows.stream().filter(r -> r.negative() > 0).map(r -> new PeakType(r.type(), r.negative())).toList());
    }

    /** Customers whose peak is at {@code type}, and of them those whose peak is negative. */
    private record PeakTypeRow(String type, long peaks, long negative) {
    }

    /**
     * @param customers     customers with a scored touchpoint in the period (each has one peak)
     * @param negativePeaks those of them whose peak is negative
     * @param types         per touchpoint type, the customers whose negative peak it was, most first (then by type)
     */
    public record NegativePeaks(long customers, long negativePeaks, List<PeakType> types) {
    }

    /** A touchpoint type and the number of customers whose negative peak it was. */
    public record PeakType(String type, long customers) {
    }

    /** Σ (peak + end) × 30 over {@code customers} customers. */
    public record PeakEndSum(long customers, BigDecimal thirtiethsSum) {
    }

    /**
     * The revenue-retention cohort and the customer counts at start and end for each bucket
     * {@code [bounds[i], bounds[i + 1])}, in one pass over every customer's MRR history; the filter's
     * period is ignored. Each customer's history is cut into the segment
     * before {@code bounds[0]} and the buckets; per segment the query takes the customer's last MRR
     * ({@code en}) and, by {@code lag}, the one before the segment ({@code st}). A customer's MRR at a
     * bucket boundary is the sum of the changes {@code en − st} of the segments before it, so the
     * cohort (customers paying at a bucket's start), its start MRR and the customers paying at its end
     * are running sums of per-segment changes; expansion, contraction, churn and new customers are
     * read from the bucket's own segments (a customer without MRR events in a bucket keeps their MRR
     * and adds nothing to them).
     */
    @Override
    public List<MrrCohort> mrrCohort(Filter filter, int[] bounds) {
        List<Object> params = new ArrayList<>();
        StringBuilder events = new StringBuilder("select p.customer_id as c, " + segment(bounds, params) + " as k, d.mrr, d.mrr_at, d.mrr_id"
                + " from kpi_profile_day d join profile p on p.id = d.profile_id");
        customerKind(filter, events, params);
        events.append(" where d.mrr is not null and d.epoch_day < ?");
        params.add(bounds[bounds.length - 1]);
        return mrrCohortOf(jdbc, events.toString(), params, bounds);
    }

    /** Which segment a row {@code d} falls in: 0 before the first bound, i + 1 in the bucket {@code [bounds[i], bounds[i + 1])}. */
    static String segment(int[] bounds, List<Object> params) {
        checkBounds(bounds);
        StringBuilder segment = new StringBuilder("case");
        for (int i = 0; i < bounds.length - 1; i++) {
            segment.append(" when d.epoch_day < ? then ").append(i);
            params.add(bounds[i]);
        }
        return segment.append(" else ").append(bounds.length - 1).append(" end").toString();
    }

    /** The cohorts of {@link #mrrCohort} from the MRR rows {@code events} selects (columns c, k, mrr, mrr_at, mrr_id). */
    static List<MrrCohort> mrrCohortOf(Jdbc jdbc, String events, List<Object> params, int[] bounds) {
        String sql = "with ev as (" + events + "),"
                + " last_of as (select c, k, mrr, row_number() over (partition by c, k order by mrr_at desc, mrr_id desc) as n from ev),"
                + " seg as (select k, mrr as en, coalesce(lag(mrr) over (partition by c order by k), 0) as st from last_of where n = 1)"
                + " select k,"
                + " coalesce(sum(case when en > 0 then 1 else 0 end) - sum(case when st > 0 then 1 else 0 end), 0) as paying_change,"
                + " coalesce(sum(en - st), 0) as mrr_change,"
                + " coalesce(sum(case when st > 0 and en > st then en - st else 0 end), 0) as expansion,"
                + " coalesce(sum(case when st > 0 and en > 0 and en < st then st - en else 0 end), 0) as contraction,"
                + " coalesce(sum(case when st > 0 and en = 0 then st else 0 end), 0) as churned,"
                + " coalesce(sum(case when en > 0 and st = 0 then 1 else 0 end), 0) as fresh"
                + " from seg group by k";
        int segments = bounds.length;
        long[] payingChange = new long[segments];
        long[] fresh = new long[segments];
        BigDecimal[][] amounts = new BigDecimal[segments][];
        jdbc.query(sql, row -> {
            int k = row.getInt("k");
            payingChange[k] = row.getLong("paying_change");
            fresh[k] = row.getLong("fresh");
            amounts[k] = new BigDecimal[] { row.getBigDecimal("mrr_change"), row.getBigDecimal("expansion"), row.getBigDecimal("contraction"),
                    row.getBigDecimal("churned") };
            return k;
        }, params.toArray());
        List<MrrCohort> cohorts = new ArrayList<>(segments - 1);
        long paying = 0;
        BigDecimal mrr = BigDecimal.ZERO;
        for (int k = 0; k < segments; k++) {
            BigDecimal[] bucket = amounts[k] == null ? new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO }
                    : amounts[k];
            if (k > 0) {
                long atEnd = paying + payingChange[k];
                RevenueRetention retention = paying == 0 ? RevenueRetention.none()
                        : new RevenueRetention(paying, mrr, bucket[1], bucket[2], bucket[3]);
                cohorts.add(new MrrCohort(retention, new ChurnAndRetention(paying, fresh[k], atEnd)));
            }
            paying += payingChange[k];
            mrr = mrr.add(bucket[0]);
        }
        return cohorts;
    }

    /** Revenue retention and churn of the same cohort. */
    public record MrrCohort(RevenueRetention retention, ChurnAndRetention churn) {
    }

    private static void dayFilter(Filter filter, StringBuilder sql, List<Object> params) {
        sql.append(" and epoch_day >= ? and epoch_day < ?");
        params.add(filter.fromDay());
        params.add(filter.toDay());
        Optional.ofNullable(filter.module()).ifPresent(module -> {
            sql.append(" and module = ?");
            params.add(module);
        });
        Optional.ofNullable(filter.phase()).ifPresent(phase -> {
            sql.append(" and phase = ?");
            params.add(phase);
        });
    }

    /** {@code from … where …} over the period's profile-day rows joined to their current customer, filters applied. */
    private static String profileDays(Filter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder(" from kpi_profile_day d join profile p on p.id = d.profile_id");
        customerKind(filter, sql, params);
        return sql + rowFilters(filter, params);
    }

    /** {@code where …} on profile-day rows {@code d}: the period's days, the module and the phase. */
    private static String rowFilters(Filter filter, List<Object> params) {
        return rowFilters(filter, period(filter), params);
    }

    /** {@code where …} on profile-day rows {@code d}: the days from the first bound to the last, the module and the phase. */
    static String rowFilters(Filter filter, int[] bounds, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where d.epoch_day >= ? and d.epoch_day < ?");
        params.add(bounds[0]);
        params.add(bounds[bounds.length - 1]);
        if (filter.module() != null) {
            sql.append(" and d.module = ?");
            params.add(filter.module());
        }
        if (filter.phase() != null) {
            sql.append(" and d.phase = ?");
            params.add(filter.phase());
        }
        return sql.toString();
    }

    /** {@code from … where …} over the profile-day rows of the buckets alone, filters on the rows applied. */
    private static String bucketRows(Filter filter, int[] bounds, List<Object> params) {
        return " from kpi_profile_day d" + rowFilters(filter, bounds, params);
    }

    /** The index of the bucket {@code [bounds[i], bounds[i + 1])} a row {@code d} falls in (rows outside every bucket are filtered out). */
    static String bucket(int[] bounds, List<Object> params) {
        checkBounds(bounds);
        if (bounds.length == 2) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("case");
        for (int i = 1; i < bounds.length - 1; i++) {
            sql.append(" when d.epoch_day < ? then ").append(i - 1);
            params.add(bounds[i]);
        }
        return sql.append(" else ").append(bounds.length - 2).append(" end").toString();
    }

    static void checkBounds(int[] bounds) {
        if (bounds.length < 2) {
            throw new IllegalArgumentException("buckets need at least two bounds");
        }
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must increase: " + Arrays.toString(bounds));
            }
        }
    }

    /** The filter's period as the bounds of a single bucket. */
    private static int[] period(Filter filter) {
        return new int[] { filter.fromDay(), filter.toDay() };
    }

    /** Joins per-profile aggregates {@code x} to the customer each profile belongs to now ({@code p}), in the segment if any. */
    private static String currentCustomer(Filter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder(" join profile p on p.id = x.profile_id");
        customerKind(filter, sql, params);
        return sql.toString();
    }

    private static void customerKind(Filter filter, StringBuilder sql, List<Object> params) {
        if (filter.customerKind() != null) {
            sql.append(" join customer cu on cu.id = p.customer_id and cu.kind = ?");
            params.add(filter.customerKind());
        }
    }
}
