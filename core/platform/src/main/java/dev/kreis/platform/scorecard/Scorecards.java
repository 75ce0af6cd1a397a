package dev.kreis.platform.scorecard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.kpi.CoreKpi;
import dev.kreis.platform.kpi.DayPeriod;
import dev.kreis.platform.kpi.KpiEngine;
import dev.kreis.platform.kpi.NetPromoterScore;
import dev.kreis.platform.kpi.Ratio;
import dev.kreis.platform.kpi.RollupFolder;
import dev.kreis.platform.kpi.StoredTarget;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The scorecards: the CX pyramid computed through the KPI engine (and, for levels 1 and 2, from the
 * daily rollup by configurable touchpoint types), its targets, and the alignment scorecard.
 * docs/kpis.md#scorecards defines each figure exactly as computed here.
 */
@ApplicationScoped
public class Scorecards {
    static final String AUDIT_ACTION = "scorecard.targets.set";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final KpiEngine engine;
    private final RollupFolder folder;
    private final KpiRollupQueries rollups;
    private final ScorecardRepository repository;
    private final ScorecardConfig config;
    private final AuditLog audit;
    private final Clock clock;

    Scorecards(KpiEngine engine, RollupFolder folder, KpiRollupQueries rollups, ScorecardRepository repository, ScorecardConfig config,
            AuditLog audit, Clock clock) {
        this.engine = engine;
        this.folder = folder;
        this.rollups = rollups;
        this.repository = repository;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** One input of a level's score: a KPI or count and its value (null without data) over its sample size. */
    public record Component(String key, BigDecimal value, long sampleSize) {
    }

    /**
     * A level of the pyramid for a period. {@code value} is the level's figure, {@code score} the same
     * capped to 0–100; both null without data, and then {@code meetsTarget} is null too.
     */
    public record Level(PyramidLevel level, BigDecimal value, BigDecimal score, BigDecimal target, Boolean meetsTarget,
            List<Component> components) {
    }

    public record Pyramid(DayPeriod period, List<Level> levels, Integer lowestMissed) {
    }

    public record SharedKpi(String key, Set<String> owners) {
    }

    public record Alignment(DayPeriod period, List<SharedKpi> sharedKpis, ScorecardRepository.ModuleReach moduleReach,
            Optional<BigDecimal> moduleReachShare, List<ScorecardRepository.Source> sources) {
    }

    public Pyramid pyramid(DayPeriod period) {
        folder.catchUp();
        Map<PyramidLevel, BigDecimal> targets = targets();
        List<Level> levels = new ArrayList<>();
        levels.add(judge(PyramidLevel.COMMUNICATION, typeRatio("delivered", config.communicationDeliveredTypes(), "engaged",
                config.communicationEngagedTypes(), period), targets));
        levels.add(judge(PyramidLevel.ACCOUNTABILITY, typeRatio("resolved", config.accountabilityResolvedTypes(), "resolved_within_sla",
                config.accountabilityWithinSlaTypes(), period), targets));
        List<Component> engagement = List.of(kpi(CoreKpi.CSAT, period), kpi(CoreKpi.CES_SHARE_EASY, period));
        levels.add(judge(PyramidLevel.ENGAGEMENT, new Figure(mean(engagement.stream().map(Component::value).toList()), engagement), targets));
        Component proactive = kpi(CoreKpi.PROACTIVE_SHARE, period);
        levels.add(judge(PyramidLevel.PROACTIVITY, new Figure(proactive.value(), List.of(proactive)), targets));
        Component nrr = kpi(CoreKpi.NRR, period);
        NetPromoterScore nps = NetPromoterScore.of(rollups.scores(ScoreScale.NPS,
                new KpiRollupQueries.Filter((int) period.from().toEpochDay(), (int) period.to().toEpochDay(), null, null, null)));
        Component promoters = new Component("nps_promoter_share", nps.promoterShare().orElse(null), nps.responses());
        BigDecimal cappedNrr = nrr.value() == null ? null : nrr.value().min(HUNDRED);
        levels.add(judge(PyramidLevel.ENHANCEMENT, new Figure(mean(Arrays.asList(cappedNrr, promoters.value())), List.of(nrr, promoters)),
                targets));
        Integer lowestMissed = levels.stream().filter(level -> Boolean.FALSE.equals(level.meetsTarget())).map(level -> level.level().number())
                .findFirst().orElse(null);
        return new Pyramid(period, levels, lowestMissed);
    }

    /** The target of every level: the stored one, else the configured default. */
    public Map<PyramidLevel, BigDecimal> targets() {
        Map<Integer, BigDecimal> stored = repository.targets();
        Map<PyramidLevel, BigDecimal> targets = new LinkedHashMap<>();
        for (PyramidLevel level : PyramidLevel.values()) {
            targets.put(level, Ratio.rounded(stored.getOrDefault(level.number(), level.defaultTarget(config.targets()))));
        }
        return targets;
    }

    /** Sets the targets of the given levels (validated 0–100 by the caller) and audits all five targets before and after. */
    @Transactional
    public Map<PyramidLevel, BigDecimal> setTargets(Map<PyramidLevel, BigDecimal> changes, String actor) {
        Map<PyramidLevel, BigDecimal> before = targets();
        OffsetDateTime now = OffsetDateTime.now(clock);
        changes.forEach((level, value) -> repository.saveTarget(level.number(), Ratio.rounded(value), actor, now));
        Map<PyramidLevel, BigDecimal> after = targets();
        audit.record(actor, AUDIT_ACTION, "scorecard", "pyramid", byNumber(before), byNumber(after));
        return after;
    }

    public Alignment alignment(DayPeriod period) {
        folder.catchUp();
        List<SharedKpi> shared = new ArrayList<>();
        for (KpiEngine.Overview overview : engine.overview()) {
            KpiDefinition definition = overview.kpi().definition();
            Optional<StoredTarget> target = engine.targetIn(definition.key(), period);
            Set<String> owners = new TreeSet<>(target.map(StoredTarget::owners).orElse(definition.ownerDepartments()));
            boolean isShared = target.map(StoredTarget::shared).orElse(definition.shared());
            if (isShared && owners.size() >= 2) {
                shared.add(new SharedKpi(definition.key(), owners));
            }
        }
        shared.sort(Comparator.comparing(SharedKpi::key));
        ScorecardRepository.ModuleReach reach = repository.moduleReach(period);
        return new Alignment(period, shared, reach, Ratio.of(reach.withTwoOrMoreModules(), reach.customers()).percent(),
                repository.sources(period));
    }

    private record Figure(BigDecimal value, List<Component> components) {
    }

    private static Level judge(PyramidLevel level, Figure figure, Map<PyramidLevel, BigDecimal> targets) {
        BigDecimal target = targets.get(level);
        BigDecimal score = figure.value() == null ? null : figure.value().max(BigDecimal.ZERO).min(HUNDRED);
        Boolean meets = score == null ? null : score.compareTo(target) >= 0;
        return new Level(level, figure.value(), score, target, meets, figure.components());
    }

    /** 100 × numerator-type touchpoints ÷ denominator-type touchpoints; no denominator touchpoints: no data. */
    private Figure typeRatio(String denominatorKey, List<String> denominatorTypes, String numeratorKey, List<String> numeratorTypes,
            DayPeriod period) {
        long denominator = repository.touchpointsOfTypes(denominatorTypes, period);
        long numerator = repository.touchpointsOfTypes(numeratorTypes, period);
        BigDecimal value = Ratio.of(numerator, denominator).percent().orElse(null);
        return new Figure(value, List.of(new Component(denominatorKey, BigDecimal.valueOf(denominator), denominator),
                new Component(numeratorKey, BigDecimal.valueOf(numerator), numerator)));
    }

    private Component kpi(CoreKpi kpi, DayPeriod period) {
        String key = kpi.definition().key();
        KpiValue value = engine.read(key, period, KpiEngine.Filters.none()).value();
        return new Component(key, value.value(), value.sampleSize());
    }

    /** The mean of the values present, rounded once; none present: null. */
    private static BigDecimal mean(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        BigDecimal sum = present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Ratio(sum, BigDecimal.valueOf(present.size())).value().orElseThrow();
    }

    private static Map<String, BigDecimal> byNumber(Map<PyramidLevel, BigDecimal> targets) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        targets.forEach((level, value) -> result.put(String.valueOf(level.number()), value));
        return result;
    }
}
