package dev.kreis.platform.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.kpi.KpiRegistry.RegisteredKpi;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import dev.kreis.platform.kpi.persistence.TargetRepository;
import dev.kreis.spi.kpi.KpiQuery;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.UnsupportedKpiFilterException;
import dev.kreis.spi.touchpoint.JourneyPhase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The KPI engine's service: definitions with their targets, a KPI's value for a period and filters
 * judged against its target, series, the funnel view, and setting targets. Reads fold a small
 * backlog of new touchpoints first ({@link RollupFolder#catchUp()}), so they see what was ingested.
 */
@ApplicationScoped
public class KpiEngine {
    private final KpiRegistry registry;
    private final RollupFolder folder;
    private final TargetRepository targets;
    private final KpiRollupQueries rollups;
    private final TargetAudit audit;
    private final KpiResultCache cache;
    private final KpiConfig config;
    private final CoreKpiProvider coreKpis;
    private final Clock clock;

    KpiEngine(KpiRegistry registry, RollupFolder folder, TargetRepository targets, KpiRollupQueries rollups, TargetAudit audit,
            KpiResultCache cache, KpiConfig config, CoreKpiProvider coreKpis, Clock clock) {
        this.coreKpis = coreKpis;
        this.cache = cache;
        this.registry = registry;
        this.folder = folder;
        this.targets = targets;
        this.rollups = rollups;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Filters of a KPI request; empty means "any". */
    public record Filters(Optional<JourneyPhase> phase, Optional<String> module, Optional<String> segment) {
        public static Filters none() {
            return new Filters(Optional.empty(), Optional.empty(), Optional.empty());
        }

        KpiQuery over(DayPeriod period) {
            return new KpiQuery(period.asPeriod(), phase, module, segment);
        }
    }

    /** A KPI's definition with the target in effect today, if any. */
    public record Overview(RegisteredKpi kpi, Optional<StoredTarget> target) {
    }

    /** A KPI's value for a period, with the target that covers the period and the value's status against it. */
    public record Reading(RegisteredKpi kpi, DayPeriod period, KpiValue value, Optional<StoredTarget> target,
            Optional<TargetStatus> status) {
    }

    /** One point of a series. */
    public record Point(DayPeriod period, KpiValue value) {
    }

    /** The period the API uses when a request names none: {@code kreis.kpis.default-period-days} days up to and including today. */
    public DayPeriod defaultPeriod() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        return new DayPeriod(tomorrow.minusDays(config.defaultPeriodDays()), tomorrow);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    public List<Overview> overview() {
        DayPeriod today = new DayPeriod(today(), today().plusDays(1));
        return registry.all().stream().map(kpi -> new Overview(kpi, targetFor(kpi.definition().key(), today))).toList();
    }

    /** The KPI with this key. @throws NotFoundProblem naming the key */
    public RegisteredKpi kpi(String key) {
        return registry.find(key).orElseThrow(() -> new NotFoundProblem("No KPI with key '" + key + "'"));
    }

    public Reading read(String key, DayPeriod period, Filters filters) {
        RegisteredKpi kpi = kpi(key);
        checkSegment(filters);
        folder.catchUp();
        KpiValue value = compute(kpi, filters.over(period), folder.version());
        Optional<StoredTarget> target = targetFor(key, period);
        Optional<TargetStatus> status = target.flatMap(t -> t.asTarget(kpi.definition().direction()).statusOf(value.optionalValue()));
        return new Reading(kpi, period, value, target, status);
    }

    public List<Point> series(String key, DayPeriod period, SeriesInterval interval, Filters filters) {
        RegisteredKpi kpi = kpi(key);
        checkSegment(filters);
        List<LocalDate[]> buckets = interval.buckets(period.from(), period.to(), config.maxSeriesPoints())
                .orElseThrow(() -> new InvalidInputException("interval", "a series has at most " + config.maxSeriesPoints()
                        + " points; choose a longer interval or a shorter period"));
        folder.catchUp();
        KpiResultCache.Version version = folder.version();
        List<DayPeriod> periods = buckets.stream().map(bucket -> new DayPeriod(bucket[0], bucket[1])).toList();
        List<KpiQuery> queries = periods.stream().map(filters::over).toList();
        List<KpiValue> values;
        if (kpi.core()) {
            CoreKpi core = CoreKpi.fromKey(key).orElseThrow();
            List<CacheKey> keys = queries.stream().map(query -> new CacheKey(key, query)).toList();
            values = unsupportedFilterAsInvalidInput(() -> cache.getAll(keys, version, () -> coreKpis.series(core, queries)));
        } else {
            values = queries.stream().map(query -> compute(kpi, query, version)).toList();
        }
        List<Point> points = new ArrayList<>(periods.size());
        for (int i = 0; i < periods.size(); i++) {
            points.add(new Point(periods.get(i), values.get(i)));
        }
        return points;
    }

    /** The funnel of the period: customers who reached each phase and the conversion to the next. */
    public Funnel funnel(DayPeriod period, Filters filters) {
        if (filters.phase().isPresent()) {
            throw new InvalidInputException("phase", "the funnel spans every phase and cannot be filtered by one");
        }
        checkSegment(filters);
        folder.catchUp();
        KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter((int) period.from().toEpochDay(), (int) period.to().toEpochDay(),
                filters.module().orElse(null), null, filters.segment().map(CustomerSegment::customerKind).orElse(null));
        return cache.get(filter, folder.version(), () -> coreKpis.funnel(filter));
    }

    /** Touchpoint types by how many customers had their negative peak there in the period (the peak-end rule's worst moments). */
    public KpiRollupQueries.NegativePeaks negativePeaks(DayPeriod period, Filters filters) {
        checkSegment(filters);
        folder.catchUp();
        KpiRollupQueries.Filter filter = new KpiRollupQueries.Filter((int) period.from().toEpochDay(), (int) period.to().toEpochDay(),
                filters.module().orElse(null), filters.phase().map(JourneyPhase::wire).orElse(null),
                filters.segment().map(CustomerSegment::customerKind).orElse(null));
        return cache.get(new NegativePeaksKey(filter), folder.version(), () -> rollups.negativePeaks(filter));
    }

    private record NegativePeaksKey(KpiRollupQueries.Filter filter) {
    }

    /** Stores the KPI's target for the draft's period, replacing one stored for exactly that period, and audits the change. */
    @Transactional
    public StoredTarget setTarget(String key, TargetDraft draft, String actor) {
        kpi(key);
        Optional<StoredTarget> before = targets.find(key, draft.from(), draft.to());
        StoredTarget target = new StoredTarget(before.map(StoredTarget::id).orElseGet(UUID::randomUUID), key, draft.from(), draft.to(),
                draft.value(), draft.owners(), draft.shared(), draft.band(), actor, OffsetDateTime.now(clock));
        targets.save(target);
        audit.targetSet(actor, before, target);
        return target;
    }

    /** The target in effect for a period: the narrowest stored target covering all of it; on a tie, the one starting later. */
    public Optional<StoredTarget> targetIn(String key, DayPeriod period) {
        return targetFor(key, period);
    }

    /** The narrowest stored target covering all of {@code period}; on a tie, the one starting later. */
    Optional<StoredTarget> targetFor(String key, DayPeriod period) {
        return targets.of(key).stream().filter(target -> target.covers(period.asPeriod()))
                .min(Comparator.comparingLong(KpiEngine::span).thenComparing(target -> target.from().orElse(LocalDate.MIN),
                        Comparator.reverseOrder()));
    }

    private static long span(StoredTarget target) {
        long from = target.from().map(LocalDate::toEpochDay).orElse((long) Integer.MIN_VALUE);
        long to = target.to().map(LocalDate::toEpochDay).orElse((long) Integer.MAX_VALUE);
        return to - from;
    }

    /** Core KPIs are cached (they read only rollups and clusters, which the version covers); modules' KPIs never are. */
    private KpiValue compute(RegisteredKpi kpi, KpiQuery query, KpiResultCache.Version version) {
        return unsupportedFilterAsInvalidInput(() -> kpi.core()
                ? cache.get(new CacheKey(kpi.definition().key(), query), version, () -> kpi.computation().compute(query))
                : kpi.computation().compute(query));
    }

    private static <T> T unsupportedFilterAsInvalidInput(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (UnsupportedKpiFilterException e) {
            throw new InvalidInputException(e.filter(), e.filter() + " filters are not supported for " + e.kpiKey());
        }
    }

    private record CacheKey(String kpi, KpiQuery query) {
    }

    private static void checkSegment(Filters filters) {
        filters.segment().filter(segment -> !CustomerSegment.isKnown(segment)).ifPresent(segment -> {
            throw new InvalidInputException("segment", "unknown segment '" + segment + "'; known: " + CustomerSegment.known());
        });
    }
}
