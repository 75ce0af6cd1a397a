package dev.kreis.app;

import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.JourneyApiTest.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.RepeatedTest;

import dev.kreis.app.JourneyPeriodApiTest.Window;
import dev.kreis.platform.kpi.PeakEnd;
import dev.kreis.platform.kpi.Ratio;
import dev.kreis.platform.kpi.ScoredTouchpoint;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The phase metrics compute in SQL what {@link PeakEnd} computes in memory: random journeys (with
 * merges, touchpoints just outside the period and many touchpoints at the same instant) give the same
 * figures through the API as a brute force over the data the test sent.
 */
@QuarkusTest
class JourneyBruteForceApiTest {
    private static final String[] PHASES = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" };
    private static final Map<String, ScoreScale> SCORED_TYPES = Map.of("feedback.nps", ScoreScale.NPS, "feedback.csat", ScoreScale.CSAT,
            "feedback.ces", ScoreScale.CES, JourneyTestTypes.SENTIMENT, ScoreScale.SENTIMENT);

    /** One touchpoint as sent, and the id Kreis gave it. */
    record Sent(UUID customer, String id, String type, ScoreScale scale, BigDecimal score, String phase, String initiator, int minute) {
    }

    @RepeatedTest(3)
    void phaseMetricsMatchABruteForceOverRandomJourneys() {
        long seed = ThreadLocalRandom.current().nextLong();
        Random random = new Random(seed);
        Window w = Window.random();
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            customers.add(customer());
        }
        List<Sent> sent = send(w, customers, random);
        Map<UUID, UUID> survivorOf = new HashMap<>();
        customers.forEach(c -> survivorOf.put(c, c));
        for (int i = 0; i + 1 < 8; i += 2) {
            postJson("/api/v1/customers/" + customers.get(i) + "/merge", Map.of("customerIds", List.of(customers.get(i + 1))))
                    .then().statusCode(200);
            survivorOf.put(customers.get(i + 1), customers.get(i));
        }
        List<Sent> inPeriod = sent.stream().filter(s -> s.minute() >= 0 && s.minute() < w.minutes).toList();
        Map<UUID, PeakEnd<Sent>> journeys = journeys(inPeriod, survivorOf);

        for (String phase : PHASES) {
            assertPhaseMetrics(w.phaseMetrics(phase), phase, inPeriod, survivorOf, journeys, "seed " + seed + ", " + phase);
        }
    }

    private static List<Sent> send(Window w, List<UUID> customers, Random random) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        for (UUID customer : customers) {
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                int minute = random.nextInt(10) == 0 ? (random.nextBoolean() ? -1 : w.minutes) : random.nextInt(12);
                String phase = PHASES[random.nextInt(PHASES.length)];
                String initiator = random.nextBoolean() ? "customer" : "company";
                var body = touchpointFor(customer).phase(phase).set("initiator", initiator).occurredAt(w.at(minute));
                String type = "core.interaction";
                ScoreScale scale = null;
                BigDecimal score = null;
                if (random.nextInt(10) < 7) {
                    type = List.copyOf(new TreeMap<>(SCORED_TYPES).keySet()).get(random.nextInt(SCORED_TYPES.size()));
                    scale = SCORED_TYPES.get(type);
                    score = scale == ScoreScale.SENTIMENT ? BigDecimal.valueOf(random.nextInt(2001) - 1000, 3)
                            : BigDecimal.valueOf(scale.min().intValue() + random.nextInt(scale.max().intValue() - scale.min().intValue() + 1));
                    body.type(type).score(score);
                }
                items.add(body.json());
                sent.add(new Sent(customer, null, type, scale, score, phase, initiator, minute));
            }
        }
        List<String> ids = postJson("/api/v1/touchpoints/batch", Map.of("items", items)).then().statusCode(200)
                .extract().jsonPath().getList("results.touchpointId");
        assertEquals(sent.size(), ids.stream().filter(id -> id != null).count(), "every touchpoint accepted");
        List<Sent> withIds = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            withIds.add(new Sent(s.customer(), ids.get(i), s.type(), s.scale(), s.score(), s.phase(), s.initiator(), s.minute()));
        }
        return withIds;
    }

    /**
     * Each surviving customer's scored touchpoints in time order; at the same instant the larger id is the
     * later one (lower-case UUID text sorts as the databases sort UUIDs).
     */
    private static Map<UUID, PeakEnd<Sent>> journeys(List<Sent> inPeriod, Map<UUID, UUID> survivorOf) {
        Map<UUID, List<Sent>> byCustomer = inPeriod.stream().filter(s -> s.scale() != null)
                .sorted(Comparator.comparingInt(Sent::minute).thenComparing(Sent::id))
                .collect(Collectors.groupingBy(s -> survivorOf.get(s.customer()), LinkedHashMap::new, Collectors.toList()));
        Map<UUID, PeakEnd<Sent>> journeys = new LinkedHashMap<>();
        byCustomer.forEach((customer, touchpoints) -> journeys.put(customer, new PeakEnd<>(touchpoints.stream()
                .map(s -> new ScoredTouchpoint<>(s, java.time.Instant.ofEpochSecond(60L * s.minute()), s.scale(), s.score())).toList())));
        return journeys;
    }

    private static void assertPhaseMetrics(JsonPath metrics, String phase, List<Sent> inPeriod, Map<UUID, UUID> survivorOf,
            Map<UUID, PeakEnd<Sent>> journeys, String context) {
        int rank = JourneyPhase.fromWire(phase).orElseThrow().ordinal();
        Map<UUID, Integer> furthest = new HashMap<>();
        inPeriod.forEach(s -> furthest.merge(survivorOf.get(s.customer()), JourneyPhase.fromWire(s.phase()).orElseThrow().ordinal(), Math::max));
        Set<UUID> reached = furthest.entrySet().stream().filter(e -> e.getValue() >= rank).map(Map.Entry::getKey).collect(Collectors.toSet());
        List<PeakEnd<Sent>> reachedJourneys = journeys.entrySet().stream().filter(e -> reached.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        assertEquals(reached.size(), metrics.getInt("journey.customersReached"), context);
        assertEquals(reachedJourneys.size(), metrics.getInt("journey.peakEndJourneys"), context);
        assertDecimal(PeakEnd.averageOver(reachedJourneys).optionalValue(), metrics.get("journey.averagePeakEnd"), context);

        Map<String, List<Sent>> byType = inPeriod.stream().filter(s -> s.phase().equals(phase))
                .collect(Collectors.groupingBy(Sent::type, TreeMap::new, Collectors.toList()));
        List<Map<String, Object>> types = metrics.getList("touchpointTypes");
        assertEquals(byType.keySet(), types.stream().map(t -> (String) t.get("type")).collect(Collectors.toCollection(java.util.TreeSet::new)),
                context);
        for (Map<String, Object> type : types) {
            List<Sent> touchpoints = byType.get((String) type.get("type"));
            List<Sent> scored = touchpoints.stream().filter(s -> s.scale() != null).toList();
            String at = context + ", " + type.get("type");
            assertEquals(touchpoints.size(), ((Number) type.get("touchpoints")).intValue(), at);
            assertEquals(new HashSet<>(touchpoints.stream().map(s -> survivorOf.get(s.customer())).toList()).size(),
                    ((Number) type.get("customers")).intValue(), at);
            assertEquals(scored.size(), ((Number) type.get("scored")).intValue(), at);
            BigDecimal scoreSum = scored.stream().map(Sent::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal thirtieths = scored.stream().map(JourneyBruteForceApiTest::thirtieths).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertDecimal(new Ratio(scoreSum, BigDecimal.valueOf(scored.size())).value(), type.get("averageScore"), at);
            assertDecimal(new Ratio(thirtieths, BigDecimal.valueOf(30L * scored.size())).value(), type.get("averageNormalised"), at);
            long company = touchpoints.stream().filter(s -> s.initiator().equals("company")).count();
            assertDecimal(Ratio.of(company, touchpoints.size()).percent(), type.get("companyInitiatedShare"), at);
        }
    }

    /** 30 × the normalised score, exact (CX-CONCEPTS §5: NPS (s − 5) ÷ 5, CSAT (s − 3) ÷ 2, CES (s − 4) ÷ 3). */
    private static BigDecimal thirtieths(Sent s) {
        return switch (s.scale()) {
            case NPS -> s.score().subtract(BigDecimal.valueOf(5)).multiply(BigDecimal.valueOf(6));
            case CSAT -> s.score().subtract(BigDecimal.valueOf(3)).multiply(BigDecimal.valueOf(15));
            case CES -> s.score().subtract(BigDecimal.valueOf(4)).multiply(BigDecimal.valueOf(10));
            case SENTIMENT -> s.score().multiply(BigDecimal.valueOf(30));
        };
    }

    private static void assertDecimal(Optional<BigDecimal> expected, Object actual, String context) {
        if (expected.isEmpty()) {
            assertEquals(null, actual, context);
        } else {
            assertEquals(0, expected.get().compareTo(new BigDecimal(String.valueOf(actual))), context + ": expected " + expected.get()
                    + " but was " + actual);
        }
    }
}
