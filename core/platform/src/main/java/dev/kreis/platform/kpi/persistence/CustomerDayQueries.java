package dev.kreis.platform.kpi.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.kreis.platform.kpi.Funnel;
import dev.kreis.platform.kpi.Repurchase;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.Filter;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.MrrCohort;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.PeakEndSum;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.touchpoint.JourneyPhase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The per-customer aggregates from {@code kpi_customer_day} (ADR 0008): the rows already belong to the
 * customer a profile belongs to now, so each query groups once, by customer, with no join. Answers
 * exactly what {@link KpiRollupQueries} answers from {@code kpi_profile_day}.
 */
@ApplicationScoped
public class CustomerDayQueries implements CustomerAggregates {
    private final Jdbc jdbc;
    private final GapCells gapCells;
    private final TailSums tailSums;

    CustomerDayQueries(Jdbc jdbc, GapCells gapCells, TailSums tailSums) {
        this.jdbc = jdbc;
        this.gapCells = gapCells;
        this.tailSums = tailSums;
    }

    /**
     * Without a module or phase filter, from the gap cells (ADR 0009): a number of cells bounded by the calendar per
     * bucket, whatever the number of customers; with one (or before the cells are built), by grouping the period's
     * rows per customer.
     */
    @Override
    public List<Funnel> funnel(Filter filter, int[] bounds) {
        if (filter.module() == null && filter.phase() == null && gapCells.built()) {
            KpiRollupQueries.checkBounds(bounds);
            List<Funnel> funnels = new ArrayList<>();
            for (int b = 0; b + 1 < bounds.length; b++) {
                funnels.add(furthest(gapCells.reached(bounds[b], bounds[b + 1], filter.customerKind())));
            }
            return funnels;
        }
        return scannedFunnel(filter, bounds);
    }

    /** The funnel of the customers reaching each phase rank (a customer reaching p reached every rank below it). */
    private static Funnel furthest(long[] reached) {
        long[] atPhase = new long[reached.length];
        for (int rank = 0; rank < reached.length; rank++) {
            atPhase[rank] = reached[rank] - (rank + 1 < reached.length ? reached[rank + 1] : 0);
        }
        return Funnel.ofFurthestPhaseCounts(atPhase);
    }

    /** The funnel from the period's rows grouped per customer (ADR 0008). */
    List<Funnel> scannedFunnel(Filter filter, int[] bounds) {
        List<Object> params = new ArrayList<>();
        String bucket = KpiRollupQueries.bucket(bounds, params);
        String rows = rows(filter, bounds, params);
        String sql = "select b, m, count(*) as n from (select b, c, max(r) as m from (select " + bucket + " as b, d.customer_id as c,"
                + " d.phase_rank as r" + rows + " and d.phase_rank >= 0) z group by b, c) y group by b, m";
        long[][] atPhase = new long[bounds.length - 1][JourneyPhase.values().length];
        jdbc.query(sql, row -> atPhase[row.getInt("b")][row.getInt("m")] += row.getLong("n"), params.toArray());
        return Arrays.stream(atPhase).map(Funnel::ofFurthestPhaseCounts).toList();
    }

    /**
     * The tail sums' parts (ADR 0010) of a single period, for the KPIs that honour module and phase filters ({@code
     * rowFilters}) only without them; empty for a series, before the sums are built, or when too many customers have
     * rows on or after the period's end.
     */
    private Optional<TailSums.Sums> tails(Filter filter, int[] bounds, boolean rowFilters) {
        KpiRollupQueries.checkBounds(bounds);
        if (bounds.length != 2 || rowFilters && (filter.module() != null || filter.phase() != null) || !gapCells.built()) {
            return Optional.empty();
        }
        return tailSums.sums(bounds[0], bounds[1], filter.customerKind());
    }

    /** For one period from the tail sums, else by grouping the period's rows per customer. */
    @Override
    public List<Repurchase> repurchase(Filter filter, int[] bounds) {
        Optional<TailSums.Sums> tails = tails(filter, bounds, true);
        if (tails.isPresent()) {
            return List.of(tails.get().repurchase());
        }
        List<Object> params = new ArrayList<>();
        String bucket = KpiRollupQueries.bucket(bounds, params);
        String rows = rows(filter, bounds, params);
        String sql = "select b, count(*) as buyers, coalesce(sum(case when o >= 2 then 1 else 0 end), 0) as repeat_buyers from ("
                + "select b, c, sum(o) as o from (select " + bucket + " as b, d.customer_id as c, d.orders as o" + rows
                + " and d.orders > 0) z group by b, c) y group by b";
        Repurchase[] buckets = new Repurchase[bounds.length - 1];
        Arrays.fill(buckets, new Repurchase(0, 0));
        jdbc.query(sql, row -> buckets[row.getInt("b")] = new Repurchase(row.getLong("buyers"), row.getLong("repeat_buyers")),
                params.toArray());
        return List.of(buckets);
    }

    /** For one period from the tail sums, else by grouping the period's rows per customer. */
    @Override
    public List<PeakEndSum> peakEnd(Filter filter, int[] bounds) {
        Optional<TailSums.Sums> tails = tails(filter, bounds, true);
        if (tails.isPresent()) {
            return List.of(tails.get().peakEnd());
        }
        List<Object> params = new ArrayList<>();
        String bucket = KpiRollupQueries.bucket(bounds, params);
        String base = "select " + bucket + " as b, d.customer_id as c, d.peak_30, d.peak_at, d.peak_id, d.end_30, d.end_at, d.end_id"
                + rows(filter, bounds, params) + " and d.scored > 0";
        return KpiRollupQueries.peakEndOf(jdbc, base, params, bounds);
    }

    /** For one period from the tail sums, else from every customer's MRR history. */
    @Override
    public List<MrrCohort> mrrCohort(Filter filter, int[] bounds) {
        Optional<TailSums.Sums> tails = tails(filter, bounds, false);
        if (tails.isPresent()) {
            return List.of(tails.get().mrrCohort());
        }
        List<Object> params = new ArrayList<>();
        StringBuilder events = new StringBuilder("select d.customer_id as c, " + KpiRollupQueries.segment(bounds, params)
                + " as k, d.mrr, d.mrr_at, d.mrr_id from kpi_customer_day d where d.mrr is not null and d.epoch_day < ?");
        params.add(bounds[bounds.length - 1]);
        kind(filter, events, params);
        return KpiRollupQueries.mrrCohortOf(jdbc, events.toString(), params, bounds);
    }

    /** {@code from … where …} over the rows of the buckets: their days, the module, the phase and the customer kind. */
    private static String rows(Filter filter, int[] bounds, List<Object> params) {
        StringBuilder sql = new StringBuilder(" from kpi_customer_day d").append(KpiRollupQueries.rowFilters(filter, bounds, params));
        kind(filter, sql, params);
        return sql.toString();
    }

    private static void kind(Filter filter, StringBuilder sql, List<Object> params) {
        if (filter.customerKind() != null) {
            sql.append(" and d.customer_kind = ?");
            params.add(filter.customerKind());
        }
    }
}
