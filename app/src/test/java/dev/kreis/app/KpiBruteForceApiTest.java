package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.RepeatedTest;

import dev.kreis.platform.kpi.RevenueRetention;
import dev.kreis.platform.kpi.RollupFolder;
import dev.kreis.platform.kpi.persistence.CustomerAggregates;
import dev.kreis.platform.kpi.persistence.CustomerDayQueries;
import dev.kreis.platform.kpi.persistence.CustomerKpiIndex;
import dev.kreis.platform.kpi.persistence.KpiRollupQueries;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;

/**
 * KPI values through the API equal a brute-force computation over the very touchpoints the test sent:
 * random customers (persons and organisations, two of them merged), random answers, orders,
 * subscription changes and interactions in a quarter of their own.
 */
@QuarkusTest
class KpiBruteForceApiTest {
    @Inject
    CustomerKpiIndex index;
    @Inject
    KpiRollupQueries sql;
    @Inject
    CustomerDayQueries customerDays;
    @Inject
    RollupFolder folder;

    private static final String[] PHASES = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" };
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A touchpoint as sent, with the customer it counts for after the merge. */
    record Sent(UUID customer, String kind, String type, String phase, String initiator, Integer score, BigDecimal amount,
            OffsetDateTime at) {
    }

    @RepeatedTest(3)
    void everyCoreKpiEqualsABruteForceComputationOnRandomData() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LocalDate window = KpiData.freshWindow();
        LocalDate from = window.plusDays(25);
        LocalDate to = window.plusDays(70);
        String context = "seed " + seed + ", window " + window;

        List<UUID> customers = new ArrayList<>();
        Map<UUID, String> kinds = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            String kind = i < 2 || random.nextInt(3) > 0 ? "person" : "organisation";
            UUID id = customer(kind);
            customers.add(id);
            kinds.put(id, kind);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        List<UUID> paying = new ArrayList<>();
        for (UUID customer : customers) {
            int minute = random.nextInt(10 * 1440);
            BigDecimal mrr = BigDecimal.ZERO;
            int touchpoints = 4 + random.nextInt(16);
            for (int n = 0; n < touchpoints; n++) {
                minute += 1 + random.nextInt(5000);
                String occurredAt = OffsetDateTime.parse(at(window, minute)).plusSeconds(customers.indexOf(customer)).toString();
                Map<String, Object> item;
                Integer score = null;
                BigDecimal amount = null;
                String phase;
                String initiator = "customer";
                String type;
                switch (random.nextInt(7)) {
                    case 0 -> {
                        type = "feedback.nps";
                        score = random.nextInt(11);
                        phase = random.nextInt(5) == 0 ? "retention" : "advocacy";
                    }
                    case 1 -> {
                        type = "feedback.csat";
                        score = 1 + random.nextInt(5);
                        phase = "retention";
                    }
                    case 2 -> {
                        type = "feedback.ces";
                        score = 1 + random.nextInt(7);
                        phase = random.nextInt(4) == 0 ? "purchase" : "retention";
                    }
                    case 3 -> {
                        type = "revenue.order";
                        amount = BigDecimal.valueOf(random.nextInt(20_000), 2);
                        phase = "purchase";
                    }
                    case 4 -> {
                        if (mrr.signum() > 0 && random.nextInt(3) == 0) {
                            type = "revenue.subscription_cancelled";
                            amount = BigDecimal.ZERO;
                            phase = "retention";
                        } else {
                            type = mrr.signum() == 0 ? "revenue.subscription_started" : "revenue.subscription_changed";
                            amount = BigDecimal.valueOf(1 + random.nextInt(500));
                            phase = mrr.signum() == 0 ? "purchase" : "retention";
                        }
                        mrr = amount;
                    }
                    default -> {
                        type = "core.interaction";
                        phase = PHASES[random.nextInt(PHASES.length)];
                        initiator = random.nextBoolean() ? "company" : "customer";
                    }
                }
                item = KpiData.touchpoint(customer, type, occurredAt);
                item.put("phase", phase);
                item.put("initiator", initiator);
                if (score != null) {
                    item.put("score", score);
                }
                if (amount != null) {
                    item.put("amount", amount);
                    item.put("currency", "EUR");
                }
                items.add(item);
                sent.add(new Sent(customer, kinds.get(customer), type, phase, initiator, score, amount, OffsetDateTime.parse(occurredAt)));
            }
            if (mrr.signum() > 0) {
                paying.add(customer);
            }
        }
        items.addAll(KpiData.cancellations(paying, window.plusDays(88)));
        KpiData.ingest(items);
        UUID survivor = customers.get(0);
        UUID absorbed = customers.get(1);
        String absorbedProfile = Fixtures.customer(absorbed).getList("profiles.id", String.class).get(0);
        Fixtures.postJson("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(absorbed))).then().statusCode(200);
        List<Sent> data = sent.stream().map(s -> s.customer().equals(absorbed)
                ? new Sent(survivor, kinds.get(survivor), s.type(), s.phase(), s.initiator(), s.score(), s.amount(), s.at()) : s).toList();

        Reference all = new Reference(data, from, to, s -> true);
        check("nps", all.nps(null), from, to, context);
        check("csat", all.csat(), from, to, context);
        check("csat_mean", all.csatMean(), from, to, context);
        check("ces", all.ces(), from, to, context);
        check("ces_share_easy", all.cesShareEasy(), from, to, context);
        check("average_order_value", all.averageOrderValue(), from, to, context);
        check("repurchase_rate", all.repurchase(), from, to, context);
        check("proactive_share", all.proactiveShare(), from, to, context);
        check("peak_end_score", all.peakEnd(), from, to, context);
        check("funnel", all.funnel(), from, to, context);
        check("nrr", all.nrr(), from, to, context);
        check("grr", all.grr(), from, to, context);
        check("churn_rate", all.churn(), from, to, context);
        check("retention_rate", all.retention(), from, to, context);
        check("clv", all.clv(), from, to, context);

        check("nps", all.nps("advocacy"), from, to, context, "phase", "advocacy");
        Reference organisations = new Reference(data, from, to, s -> s.kind().equals("organisation"));
        check("repurchase_rate", organisations.repurchase(), from, to, context, "segment", "kind:organisation");
        check("average_order_value", organisations.averageOrderValue(), from, to, context, "segment", "kind:organisation");
        check("peak_end_score", organisations.peakEnd(), from, to, context, "segment", "kind:organisation");
        check("nrr", organisations.nrr(), from, to, context, "segment", "kind:organisation");
        check("funnel", organisations.funnel(), from, to, context, "segment", "kind:organisation");

        JsonPath negativePeaks = exact().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/kpis/peak-end/negative-peaks").then().statusCode(200).extract().jsonPath();
        Map<String, Long> negativeByType = all.negativePeaksByType();
        long negative = negativeByType.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(all.peakCustomers(), negativePeaks.getLong("customers"), context);
        assertEquals(negative, negativePeaks.getLong("negativePeaks"), context);
        assertEquals(Reference.percent(negative, all.peakCustomers()), negativePeaks.getObject("negativeShare", BigDecimal.class), context);
        assertEquals(List.copyOf(negativeByType.keySet()), negativePeaks.getList("types.type"), context);
        for (int i = 0; i < negativeByType.size(); i++) {
            String type = negativePeaks.getString("types[" + i + "].type");
            assertEquals(negativeByType.get(type), negativePeaks.getLong("types[" + i + "].customers"), context + ", " + type);
            assertEquals(Reference.percent(negativeByType.get(type), negative), negativePeaks.getObject("types[" + i + "].share", BigDecimal.class),
                    context + ", share of " + type);
        }

        Map<String, Function<Reference, BigDecimal>> seriesKpis = new LinkedHashMap<>();
        seriesKpis.put("nps", bucket -> bucket.nps(null));
        seriesKpis.put("repurchase_rate", Reference::repurchase);
        seriesKpis.put("peak_end_score", Reference::peakEnd);
        seriesKpis.put("funnel", Reference::funnel);
        seriesKpis.put("nrr", Reference::nrr);
        seriesKpis.put("grr", Reference::grr);
        seriesKpis.put("churn_rate", Reference::churn);
        seriesKpis.put("retention_rate", Reference::retention);
        seriesKpis.put("clv", Reference::clv);
        seriesKpis.forEach((key, expected) -> {
            JsonPath series = exact().queryParam("interval", "month").queryParam("from", window.toString()).queryParam("to", to.toString())
                    .get("/api/v1/kpis/" + key + "/series").then().statusCode(200).extract().jsonPath();
            for (int month = 0; month < 3; month++) {
                LocalDate end = window.plusMonths(month + 1).isAfter(to) ? to : window.plusMonths(month + 1);
                Reference bucket = new Reference(data, window.plusMonths(month), end, s -> true);
                assertEquals(expected.apply(bucket), series.getObject("points[" + month + "].value", BigDecimal.class),
                        key + " series (" + context + "), month " + month);
            }
        });

        everyPathAnswersLikeSql(window, to, context + ", after the merge");

        Fixtures.postJson("/api/v1/customers/" + survivor + "/split", Map.of("profileIds", List.of(absorbedProfile))).then().statusCode(200);
        everyPathAnswersLikeSql(window, to, context + ", after the split");
    }

    /**
     * The in-memory customer index, the per-customer rollup and the SQL queries over the per-profile
     * rollup give the same aggregates, bucket by bucket and with every filter, on this data (after a
     * merge, and after splitting it again); the API above answered from one of them.
     */
    private void everyPathAnswersLikeSql(LocalDate window, LocalDate to, String context) {
        if (!index.ready()) {
            index.load();
        }
        folder.catchUp();
        assertSameAggregates(window, to, context + ", per-customer rollup", customerDays);
        int[] bounds = bounds(window, to);
        for (KpiRollupQueries.Filter filter : filters()) {
            String where = context + ", in-memory index, " + filter;
            assertEquals(sql.funnel(filter, bounds), index.funnel(filter, bounds).orElseThrow(), "funnel " + where);
            assertEquals(sql.repurchase(filter, bounds), index.repurchase(filter, bounds).orElseThrow(), "repurchase " + where);
            assertSameCustomerAggregates(filter, bounds, index.peakEnd(filter, bounds).orElseThrow(), index.mrrCohort(filter, bounds).orElseThrow(),
                    where);
        }
    }

    /** {@code path} answers what the SQL over the per-profile rollup answers, for every filter. */
    private void assertSameAggregates(LocalDate window, LocalDate to, String context, CustomerAggregates path) {
        int[] bounds = bounds(window, to);
        for (KpiRollupQueries.Filter filter : filters()) {
            String where = context + ", " + filter;
            assertEquals(sql.funnel(filter, bounds), path.funnel(filter, bounds), "funnel " + where);
            assertEquals(sql.repurchase(filter, bounds), path.repurchase(filter, bounds), "repurchase " + where);
            assertSameCustomerAggregates(filter, bounds, path.peakEnd(filter, bounds), path.mrrCohort(filter, bounds), where);
        }
    }

    private static int[] bounds(LocalDate window, LocalDate to) {
        return new int[] { (int) window.minusDays(3).toEpochDay(), (int) window.plusDays(20).toEpochDay(),
                (int) window.plusMonths(1).toEpochDay(), (int) window.plusDays(47).toEpochDay(), (int) to.toEpochDay(),
                (int) window.plusDays(95).toEpochDay() };
    }

    private static List<KpiRollupQueries.Filter> filters() {
        return List.of(new KpiRollupQueries.Filter(0, 0, null, null, null),
                new KpiRollupQueries.Filter(0, 0, null, null, "organisation"), new KpiRollupQueries.Filter(0, 0, null, "purchase", null),
                new KpiRollupQueries.Filter(0, 0, "core", "retention", "person"), new KpiRollupQueries.Filter(0, 0, "no-such-module", null, null));
    }

    private void assertSameCustomerAggregates(KpiRollupQueries.Filter filter, int[] bounds, List<KpiRollupQueries.PeakEndSum> peakEnd,
            List<KpiRollupQueries.MrrCohort> cohorts, String where) {
        List<KpiRollupQueries.PeakEndSum> expectedPeakEnd = sql.peakEnd(filter, bounds);
        List<KpiRollupQueries.MrrCohort> expectedCohorts = sql.mrrCohort(filter, bounds);
        for (int b = 0; b < bounds.length - 1; b++) {
            KpiRollupQueries.PeakEndSum expected = expectedPeakEnd.get(b);
            assertEquals(expected.customers(), peakEnd.get(b).customers(), "peak-end customers " + where + ", bucket " + b);
            assertEquals(0, expected.thirtiethsSum().compareTo(peakEnd.get(b).thirtiethsSum()), "peak-end sum " + where + ", bucket " + b);
            KpiRollupQueries.MrrCohort cohort = expectedCohorts.get(b);
            assertEquals(cohort.churn(), cohorts.get(b).churn(), "churn " + where + ", bucket " + b);
            assertEquals(amounts(cohort.retention()), amounts(cohorts.get(b).retention()), "revenue retention " + where + ", bucket " + b);
        }
    }

    private static List<Object> amounts(RevenueRetention retention) {
        return List.of(retention.customers(), retention.startMrr().stripTrailingZeros(), retention.expansion().stripTrailingZeros(),
                retention.contraction().stripTrailingZeros(), retention.churned().stripTrailingZeros());
    }

    private static void check(String key, BigDecimal expected, LocalDate from, LocalDate to, String context, String... params) {
        assertEquals(expected, KpiData.value(key, from, to, params), key + " " + String.join("=", params) + " (" + context + ")");
    }

    /** The KPIs computed the slow, obvious way over the touchpoints sent. */
    private static final class Reference {
        private final List<Sent> inPeriod;
        private final List<Sent> all;
        private final OffsetDateTime start;
        private final OffsetDateTime end;
        private final long days;

        Reference(List<Sent> data, LocalDate from, LocalDate to, Predicate<Sent> customers) {
            this.start = OffsetDateTime.parse(at(from, 0));
            this.end = OffsetDateTime.parse(at(to, 0));
            this.all = data.stream().filter(customers).sorted(Comparator.comparing(Sent::at)).toList();
            this.inPeriod = all.stream().filter(s -> !s.at().isBefore(start) && s.at().isBefore(end)).toList();
            this.days = to.toEpochDay() - from.toEpochDay();
        }

        private List<Integer> scores(String type, String phase) {
            return inPeriod.stream().filter(s -> s.type().equals(type) && (phase == null || s.phase().equals(phase))).map(Sent::score).toList();
        }

        BigDecimal nps(String phase) {
            List<Integer> scores = scores("feedback.nps", phase);
            long promoters = scores.stream().filter(s -> s >= 9).count();
            long detractors = scores.stream().filter(s -> s <= 6).count();
            return percent(promoters - detractors, scores.size());
        }

        BigDecimal csat() {
            List<Integer> scores = scores("feedback.csat", null);
            return percent(scores.stream().filter(s -> s >= 4).count(), scores.size());
        }

        BigDecimal csatMean() {
            List<Integer> scores = scores("feedback.csat", null);
            return divide(BigDecimal.valueOf(scores.stream().mapToLong(Integer::longValue).sum()), scores.size());
        }

        BigDecimal ces() {
            List<Integer> scores = scores("feedback.ces", null);
            return divide(BigDecimal.valueOf(scores.stream().mapToLong(Integer::longValue).sum()), scores.size());
        }

        BigDecimal cesShareEasy() {
            List<Integer> scores = scores("feedback.ces", null);
            return percent(scores.stream().filter(s -> s >= 5).count(), scores.size());
        }

        BigDecimal averageOrderValue() {
            List<BigDecimal> orders = inPeriod.stream().filter(s -> s.type().equals("revenue.order")).map(Sent::amount).toList();
            return divide(orders.stream().reduce(BigDecimal.ZERO, BigDecimal::add), orders.size());
        }

        BigDecimal repurchase() {
            Map<UUID, Long> orders = new HashMap<>();
            inPeriod.stream().filter(s -> s.type().equals("revenue.order")).forEach(s -> orders.merge(s.customer(), 1L, Long::sum));
            return percent(orders.values().stream().filter(n -> n >= 2).count(), orders.size());
        }

        BigDecimal proactiveShare() {
            List<Sent> service = inPeriod.stream().filter(s -> s.type().equals("core.interaction")).toList();
            return percent(service.stream().filter(s -> s.initiator().equals("company")).count(), service.size());
        }

        BigDecimal peakEnd() {
            Map<UUID, List<BigDecimal>> journeys = new LinkedHashMap<>();
            inPeriod.stream().filter(s -> s.score() != null)
                    .forEach(s -> journeys.computeIfAbsent(s.customer(), c -> new ArrayList<>()).add(thirtieths(s)));
            BigDecimal sum = BigDecimal.ZERO;
            for (List<BigDecimal> journey : journeys.values()) {
                BigDecimal peak = journey.get(0);
                for (BigDecimal score : journey) {
                    if (score.abs().compareTo(peak.abs()) >= 0) {
                        peak = score;
                    }
                }
                sum = sum.add(peak).add(journey.get(journey.size() - 1));
            }
            return journeys.isEmpty() ? null : sum.divide(BigDecimal.valueOf(60L * journeys.size()), 4, RoundingMode.HALF_UP);
        }

        /** Each customer's peak: the largest absolute normalised score, the later one on a tie. */
        private Map<UUID, Sent> peaks() {
            Map<UUID, Sent> peaks = new LinkedHashMap<>();
            inPeriod.stream().filter(s -> s.score() != null).forEach(s -> peaks.merge(s.customer(), s,
                    (peak, candidate) -> thirtieths(candidate).abs().compareTo(thirtieths(peak).abs()) >= 0 ? candidate : peak));
            return peaks;
        }

        /** Customers with a scored touchpoint in the period. */
        long peakCustomers() {
            return peaks().size();
        }

        /** Per type of the customers' negative peaks, how many customers had it there, most frequent first, then by name. */
        Map<String, Long> negativePeaksByType() {
            Map<String, Long> counts = new HashMap<>();
            peaks().values().stream().filter(peak -> thirtieths(peak).signum() < 0).forEach(peak -> counts.merge(peak.type(), 1L, Long::sum));
            Map<String, Long> ordered = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            return ordered;
        }

        private static BigDecimal thirtieths(Sent s) {
            BigDecimal score = BigDecimal.valueOf(s.score());
            return switch (s.type()) {
                case "feedback.nps" -> score.subtract(BigDecimal.valueOf(5)).multiply(BigDecimal.valueOf(6));
                case "feedback.csat" -> score.subtract(BigDecimal.valueOf(3)).multiply(BigDecimal.valueOf(15));
                default -> score.subtract(BigDecimal.valueOf(4)).multiply(BigDecimal.valueOf(10));
            };
        }

        BigDecimal funnel() {
            Map<UUID, Integer> furthest = new HashMap<>();
            inPeriod.forEach(s -> furthest.merge(s.customer(), List.of(PHASES).indexOf(s.phase()), Math::max));
            long purchase = furthest.values().stream().filter(rank -> rank >= 4).count();
            return percent(purchase, furthest.size());
        }

        /** Start and end MRR per customer with any subscription change before the end. */
        private Map<UUID, BigDecimal[]> positions() {
            Map<UUID, BigDecimal[]> positions = new LinkedHashMap<>();
            all.stream().filter(s -> s.type().startsWith("revenue.subscription_") && s.at().isBefore(end)).forEach(s -> {
                BigDecimal[] position = positions.computeIfAbsent(s.customer(), c -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                if (s.at().isBefore(start)) {
                    position[0] = s.amount();
                }
                position[1] = s.amount();
            });
            return positions;
        }

        BigDecimal nrr() {
            BigDecimal startMrr = BigDecimal.ZERO;
            BigDecimal endMrr = BigDecimal.ZERO;
            for (BigDecimal[] p : positions().values()) {
                if (p[0].signum() > 0) {
                    startMrr = startMrr.add(p[0]);
                    endMrr = endMrr.add(p[1]);
                }
            }
            return startMrr.signum() == 0 ? null : endMrr.multiply(HUNDRED).divide(startMrr, 4, RoundingMode.HALF_UP);
        }

        BigDecimal grr() {
            BigDecimal startMrr = BigDecimal.ZERO;
            BigDecimal kept = BigDecimal.ZERO;
            for (BigDecimal[] p : positions().values()) {
                if (p[0].signum() > 0) {
                    startMrr = startMrr.add(p[0]);
                    kept = kept.add(p[0].min(p[1]));
                }
            }
            return startMrr.signum() == 0 ? null : kept.multiply(HUNDRED).divide(startMrr, 4, RoundingMode.HALF_UP);
        }

        private long[] startLost() {
            long atStart = 0;
            long lost = 0;
            for (BigDecimal[] p : positions().values()) {
                if (p[0].signum() > 0) {
                    atStart++;
                    lost += p[1].signum() == 0 ? 1 : 0;
                }
            }
            return new long[] { atStart, lost };
        }

        BigDecimal churn() {
            long[] counts = startLost();
            return percent(counts[1], counts[0]);
        }

        BigDecimal retention() {
            long[] counts = startLost();
            return percent(counts[0] - counts[1], counts[0]);
        }

        BigDecimal clv() {
            long[] counts = startLost();
            if (counts[0] == 0 || counts[1] == 0) {
                return null;
            }
            BigDecimal startMrr = positions().values().stream().map(p -> p[0]).filter(m -> m.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
            return startMrr.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(30L * counts[1]), 4, RoundingMode.HALF_UP);
        }

        private static BigDecimal percent(long numerator, long denominator) {
            return denominator == 0 ? null
                    : BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        }

        private static BigDecimal divide(BigDecimal numerator, long denominator) {
            return denominator == 0 ? null : numerator.divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        }
    }
}
