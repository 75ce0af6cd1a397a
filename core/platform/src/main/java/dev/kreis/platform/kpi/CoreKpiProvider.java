package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.kreis.platform.kpi.persistence.CustomerAggregates;
import dev.kreis.platform.kpi.persistence.CustomerDayQueries;
import dev.kreis.platform.kpi.persistence.CustomerKpiIndex;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries.Filter;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiProvider;
import dev.kreis.spi.kpi.KpiQuery;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.UnsupportedKpiFilterException;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The core KPIs ({@link CoreKpi}), each computed with one rollup query and its calculator. Periods
 * must start and end at midnight UTC, because the rollups are per UTC day; the engine only builds
 * such periods. Which filters each KPI applies is listed in docs/kpis.md; the others are refused.
 */
@ApplicationScoped
public class CoreKpiProvider implements KpiProvider {
    private static final Set<String> ANY = Set.of("phase", "module", "segment");
    private static final Set<String> TOUCHPOINT_FILTERS = Set.of("phase", "module");
    private static final Set<String> CUSTOMER_FILTERS = Set.of("segment");

    private final KpiRollupQueries rollups;
    private final CustomerAggregates perCustomer;
    private final CustomerKpiIndex index;
    private final KpiConfig config;

    CoreKpiProvider(KpiRollupQueries rollups, CustomerDayQueries customerDays, CustomerKpiIndex index, KpiConfig config) {
        this.rollups = rollups;
        this.perCustomer = config.customerRollup() ? customerDays : rollups;
        this.index = index;
        this.config = config;
    }

    @Override
    public List<KpiDefinition> definitions() {
        return Arrays.stream(CoreKpi.values()).map(CoreKpi::definition).toList();
    }

    @Override
    public KpiComputation computation(KpiDefinition definition) {
        CoreKpi kpi = Arrays.stream(CoreKpi.values()).filter(core -> core.definition().equals(definition)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a core KPI: " + definition.key()));
        return query -> compute(kpi, query);
    }

    /** The filters a core KPI applies; any other present filter is refused with {@link UnsupportedKpiFilterException}. */
    public static Set<String> supportedFilters(CoreKpi kpi) {
        return switch (kpi) {
            case NPS, CSAT, CSAT_MEAN, CES, CES_SHARE_EASY, PROACTIVE_SHARE -> TOUCHPOINT_FILTERS;
            case AVERAGE_ORDER_VALUE, REPURCHASE_RATE, PEAK_END_SCORE -> ANY;
            case FUNNEL -> Set.of("module", "segment");
            case NRR, GRR, CHURN_RATE, RETENTION_RATE, CLV -> CUSTOMER_FILTERS;
        };
    }

    private KpiValue compute(CoreKpi kpi, KpiQuery query) {
        Filter filter = filter(kpi, query);
        return switch (kpi) {
            case NPS -> NetPromoterScore.of(rollups.scores(ScoreScale.NPS, filter)).asKpiValue();
            case CSAT -> CustomerSatisfaction.of(rollups.scores(ScoreScale.CSAT, filter)).asKpiValue();
            case CSAT_MEAN -> CustomerSatisfaction.of(rollups.scores(ScoreScale.CSAT, filter)).meanKpi();
            case CES -> CustomerEffortScore.of(rollups.scores(ScoreScale.CES, filter)).asKpiValue();
            case CES_SHARE_EASY -> CustomerEffortScore.of(rollups.scores(ScoreScale.CES, filter)).shareEasyKpi();
            case PROACTIVE_SHARE -> rollups.proactiveShare(config.serviceTypes(), filter).asKpiValue();
            case AVERAGE_ORDER_VALUE -> (query.segment().isPresent() ? rollups.ordersOfCustomers(filter) : rollups.orders(filter)).asKpiValue();
            case REPURCHASE_RATE, PEAK_END_SCORE, FUNNEL, NRR, GRR, CHURN_RATE, RETENTION_RATE, CLV -> series(kpi, List.of(query)).get(0);
        };
    }

    /**
     * The KPI's values for consecutive buckets (a series), {@code buckets} in order, each ending where
     * the next starts and all with the same filters. The per-customer KPIs read every bucket in one
     * pass over the in-memory index or, when it does not answer, the per-customer rollup (ADR 0008),
     * which costs about as much as one value over the whole span; the others are computed bucket by
     * bucket from the small day rollup.
     */
    public List<KpiValue> series(CoreKpi kpi, List<KpiQuery> buckets) {
        if (buckets.isEmpty()) {
            return List.of();
        }
        Filter filter = filter(kpi, buckets.get(0));
        int[] bounds = new int[buckets.size() + 1];
        for (int i = 0; i < buckets.size(); i++) {
            bounds[i] = epochDay(buckets.get(i).period().from());
            if (i > 0 && bounds[i] != epochDay(buckets.get(i - 1).period().to())) {
                throw new IllegalArgumentException("series buckets must follow each other without gaps");
            }
        }
        bounds[buckets.size()] = epochDay(buckets.get(buckets.size() - 1).period().to());
        return switch (kpi) {
            case REPURCHASE_RATE -> index.repurchase(filter, bounds).orElseGet(() -> perCustomer.repurchase(filter, bounds)).stream()
                    .map(Repurchase::asKpiValue).toList();
            case PEAK_END_SCORE -> index.peakEnd(filter, bounds).orElseGet(() -> perCustomer.peakEnd(filter, bounds)).stream()
                    .map(CoreKpiProvider::peakEnd).toList();
            case FUNNEL -> index.funnel(filter, bounds).orElseGet(() -> perCustomer.funnel(filter, bounds)).stream()
                    .map(funnel -> funnel.conversionKpi(JourneyPhase.AWARENESS, JourneyPhase.PURCHASE)).toList();
            case NRR, GRR, CHURN_RATE, RETENTION_RATE, CLV -> {
                List<KpiRollupQueries.MrrCohort> cohorts = index.mrrCohort(filter, bounds).orElseGet(() -> perCustomer.mrrCohort(filter, bounds));
                List<KpiValue> values = new ArrayList<>(cohorts.size());
                for (int i = 0; i < cohorts.size(); i++) {
                    values.add(fromCohort(kpi, buckets.get(i), cohorts.get(i)));
                }
                yield values;
            }
            default -> buckets.stream().map(bucket -> compute(kpi, bucket)).toList();
        };
    }

    /** The funnel of a period (the funnel view's steps), from the in-memory index when it can answer, else from SQL. */
    public Funnel funnel(Filter filter) {
        int[] bounds = { filter.fromDay(), filter.toDay() };
        return index.funnel(filter, bounds).orElseGet(() -> perCustomer.funnel(filter, bounds)).get(0);
    }

    private KpiValue fromCohort(CoreKpi kpi, KpiQuery query, KpiRollupQueries.MrrCohort cohort) {
        return switch (kpi) {
            case NRR -> cohort.retention().netRetentionKpi();
            case GRR -> cohort.retention().grossRetentionKpi();
            case CHURN_RATE -> cohort.churn().churnRateKpi();
            case RETENTION_RATE -> cohort.churn().retentionRateKpi();
            case CLV -> lifetimeValue(query, cohort);
            default -> throw new IllegalArgumentException(kpi + " is not computed from the MRR cohort");
        };
    }

    private static KpiValue peakEnd(KpiRollupQueries.PeakEndSum sum) {
        BigDecimal sixtieths = BigDecimal.valueOf(60).multiply(BigDecimal.valueOf(sum.customers()));
        return KpiValue.of(new Ratio(sum.thirtiethsSum(), sixtieths).value(), sum.customers());
    }

    /**
     * Revenue per account over the period is the cohort's start MRR × (days ÷ 30), so that
     * CLV = Σ start MRR × days × margin ÷ (30 × lost): over a 30-day period exactly the concepts'
     * monthly formula, and over longer periods the period's revenue against the period's churn.
     */
    private KpiValue lifetimeValue(KpiQuery query, KpiRollupQueries.MrrCohort cohort) {
        long days = Duration.between(query.period().from(), query.period().to()).toDays();
        BigDecimal revenue = cohort.retention().startMrr().multiply(BigDecimal.valueOf(days));
        long accounts = cohort.retention().customers() * 30;
        CustomerLifetimeValue clv = new CustomerLifetimeValue(revenue, accounts, config.grossMargin(), cohort.churn());
        return KpiValue.of(clv.value(), cohort.retention().customers());
    }

    private static Filter filter(CoreKpi kpi, KpiQuery query) {
        Set<String> supported = supportedFilters(kpi);
        String key = kpi.definition().key();
        if (query.phase().isPresent() && !supported.contains("phase")) {
            throw new UnsupportedKpiFilterException(key, "phase");
        }
        if (query.module().isPresent() && !supported.contains("module")) {
            throw new UnsupportedKpiFilterException(key, "module");
        }
        if (query.segment().isPresent() && !supported.contains("segment")) {
            throw new UnsupportedKpiFilterException(key, "segment");
        }
        return new Filter(epochDay(query.period().from()), epochDay(query.period().to()), query.module().orElse(null),
                query.phase().map(JourneyPhase::wire).orElse(null), query.segment().map(CustomerSegment::customerKind).orElse(null));
    }

    private static int epochDay(java.time.Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        if (!day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant)) {
            throw new IllegalArgumentException("core KPIs are computed per UTC day; " + instant + " is not midnight UTC");
        }
        return (int) day.toEpochDay();
    }
}
