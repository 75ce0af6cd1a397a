package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.exact;
import static dev.kreis.app.KpiData.four;
import static dev.kreis.app.KpiData.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The scorecards: the CX pyramid per level against hand-computed values, lowestMissed, its targets,
 * and alignment. Data lives in a month of the eighteenth century that no other test writes into.
 */
@QuarkusTest
class ScorecardApiTest {

    /** The pyramid's default types belong to the marketing and support modules: ingested only while they are installed. */
    @BeforeEach
    void modulesInstalled() {
        ModuleAdmin.ensureEnabled("marketing");
        ModuleAdmin.ensureEnabled("support");
    }

    private static final Map<String, Object> DEFAULT_TARGETS = Map.of("levels", Map.of("1", 80, "2", 80, "3", 80, "4", 50, "5", 80));

    /** The first day of a month between 1700 and 1799 in which nothing happened yet. */
    private static LocalDate freshMonth() {
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate start = LocalDate.of(1700 + ThreadLocalRandom.current().nextInt(100), 1 + ThreadLocalRandom.current().nextInt(12), 1);
            JsonPath alignment = alignment(start, start.plusMonths(1));
            if (alignment.getLong("customersAcrossModules.customers") == 0 && alignment.getInt("connectedSources.count") == 0
                    && pyramid(start.minusMonths(1), start.plusMonths(2)).getList("levels.score").stream().allMatch(s -> s == null)) {
                return start;
            }
        }
        throw new IllegalStateException("no empty month found");
    }

    private static JsonPath pyramid(LocalDate from, LocalDate to) {
        return exact().queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/v1/scorecards/pyramid").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath alignment(LocalDate from, LocalDate to) {
        return exact().queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/v1/scorecards/alignment").then()
                .statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> from(String source, Map<String, Object> item) {
        item.put("source", source);
        return item;
    }

    private static void setTargets(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).put("/api/v1/scorecards/pyramid/targets").then().statusCode(200);
    }

    private static BigDecimal level(JsonPath pyramid, int level, String field) {
        return pyramid.getObject("levels.find { it.level == " + level + " }." + field, BigDecimal.class);
    }

    @Test
    void everyLevelIsScoredAsDefinedAndTheLowestMissedLevelIsNamed() {
        LocalDate month = freshMonth();
        String source = "scorecard-" + Fixtures.unique();
        UUID a = customer();
        UUID b = customer();
        UUID c = customer();
        UUID d = customer();
        UUID e = customer();
        List<Map<String, Object>> items = new ArrayList<>();
        // Level 1: 4 delivered, 2 opened + 1 clicked engaged → 75 %.
        for (UUID customer : List.of(a, b, c, d)) {
            items.add(from(source, KpiData.touchpoint(customer, ScorecardTestTypes.DELIVERED, at(month.plusDays(1), 0))));
        }
        items.add(from(source, KpiData.touchpoint(a, ScorecardTestTypes.OPENED, at(month.plusDays(1), 10))));
        items.add(from(source, KpiData.touchpoint(b, ScorecardTestTypes.OPENED, at(month.plusDays(1), 10))));
        items.add(from(source, KpiData.touchpoint(a, ScorecardTestTypes.CLICKED, at(month.plusDays(1), 11))));
        // Level 2: 2 resolved, 1 within SLA → 50 %.
        items.add(from(source, KpiData.touchpoint(c, ScorecardTestTypes.RESOLVED, at(month.plusDays(2), 0))));
        items.add(from(source, KpiData.touchpoint(c, ScorecardTestTypes.WITHIN_SLA, at(month.plusDays(2), 0))));
        items.add(from(source, KpiData.touchpoint(c, ScorecardTestTypes.RESOLVED, at(month.plusDays(12), 0))));
        // Level 3: CSAT 3 of 4 top-two-box = 75; CES 2 of 3 easy = 66.6667 → (75 + 66.6667) ÷ 2 = 70.8334.
        for (int score : new int[] { 5, 4, 3, 5 }) {
            items.add(from(source, KpiData.scored(b, "feedback.csat", score, at(month.plusDays(3), items.size()))));
        }
        for (int score : new int[] { 7, 6, 3 }) {
            items.add(from(source, KpiData.scored(e, "feedback.ces", score, at(month.plusDays(4), items.size()))));
        }
        // Level 4: service touchpoints (support.* and, in tests, core.interaction): 3 by the company of 4 → 75 %.
        items.add(from(source, KpiData.interaction(e, "retention", "customer", at(month.plusDays(5), 0))));
        // Level 5: NRR 1,000 → 1,200 = 120, capped at 100; promoters 2 of 4 = 50 → 75.
        items.add(KpiData.revenue(a, "revenue.subscription_started", new BigDecimal("1000"), at(month.minusDays(10), 0)));
        items.add(from(source, KpiData.revenue(a, "revenue.subscription_changed", new BigDecimal("1200"), at(month.plusDays(6), 0))));
        for (int score : new int[] { 10, 9, 6, 8 }) {
            items.add(from(source, KpiData.scored(a, "feedback.nps", score, at(month.plusDays(20), 60 + items.size()))));
        }
        String last = at(month.plusDays(20), 60 + items.size() - 1);
        ingest(items);
        ingest(KpiData.cancellations(List.of(a), month.plusMonths(1).plusDays(5)));

        setTargets(DEFAULT_TARGETS);
        JsonPath pyramid = pyramid(month, month.plusMonths(1));
        assertEquals(List.of(1, 2, 3, 4, 5), pyramid.getList("levels.level"));
        assertEquals(List.of("communication", "accountability", "engagement", "proactivity", "enhancement"), pyramid.getList("levels.name"));
        assertEquals(four("75"), level(pyramid, 1, "score"));
        assertEquals(four("75"), level(pyramid, 1, "value"));
        assertEquals(four("50"), level(pyramid, 2, "score"));
        assertEquals(four("70.8334"), level(pyramid, 3, "score"));
        assertEquals(four("75"), level(pyramid, 4, "score"));
        assertEquals(four("75"), level(pyramid, 5, "score"));
        assertEquals(four("120"), pyramid.getObject("levels[4].components.find { it.key == 'nrr' }.value", BigDecimal.class));
        assertEquals(four("50"), pyramid.getObject("levels[4].components.find { it.key == 'nps_promoter_share' }.value", BigDecimal.class));
        assertEquals(four("80"), level(pyramid, 1, "target"));
        assertEquals(false, pyramid.getBoolean("levels[0].meetsTarget"));
        assertEquals(true, pyramid.getBoolean("levels[3].meetsTarget"));
        assertEquals(1, pyramid.getInt("lowestMissed"));

        setTargets(Map.of("levels", Map.of("1", 75, "2", 50, "3", 70)));
        pyramid = pyramid(month, month.plusMonths(1));
        assertEquals(List.of(true, true, true, true, false), pyramid.getList("levels.meetsTarget"), "a score equal to its target meets it");
        assertEquals(5, pyramid.getInt("lowestMissed"));

        setTargets(Map.of("levels", Map.of("5", 75)));
        assertNull(pyramid(month, month.plusMonths(1)).get("lowestMissed"), "every level meets its target");
        setTargets(DEFAULT_TARGETS);

        JsonPath alignment = alignment(month, month.plusMonths(1));
        // A: marketing + core, B: marketing + core, C: marketing + support, D: marketing, E: core.
        assertEquals(5, alignment.getLong("customersAcrossModules.customers"));
        assertEquals(3, alignment.getLong("customersAcrossModules.withTwoOrMoreModules"));
        assertEquals(four("60"), alignment.getObject("customersAcrossModules.share", BigDecimal.class));
        assertEquals(1, alignment.getInt("connectedSources.count"));
        assertEquals(source, alignment.getString("connectedSources.sources[0].source"));
        assertEquals(items.size() - 1, alignment.getInt("connectedSources.sources[0].touchpoints"), "the start before the month is outside");
        assertEquals(OffsetDateTime.parse(last).toInstant(),
                OffsetDateTime.parse(alignment.getString("connectedSources.sources[0].lastTouchpointAt")).toInstant());
    }

    @Test
    void levelsWithoutDataHaveNoScoreAndAreNeverTheLowestMissed() {
        LocalDate month = freshMonth();
        setTargets(DEFAULT_TARGETS);
        JsonPath empty = pyramid(month, month.plusMonths(1));
        assertEquals(5, empty.getList("levels").size());
        assertTrue(empty.getList("levels.score").stream().allMatch(s -> s == null));
        assertTrue(empty.getList("levels.meetsTarget").stream().allMatch(s -> s == null));
        assertNull(empty.get("lowestMissed"));

        UUID anna = customer();
        ingest(List.of(KpiData.scored(anna, "feedback.csat", 5, at(month.plusDays(3), 0))));
        JsonPath pyramid = pyramid(month, month.plusMonths(1));
        assertEquals(four("100"), level(pyramid, 3, "score"), "CES without data: engagement is CSAT alone");
        assertNull(pyramid.get("lowestMissed"));

        ingest(List.of(KpiData.scored(anna, "feedback.ces", 1, at(month.plusDays(4), 0))));
        pyramid = pyramid(month, month.plusMonths(1));
        assertEquals(four("50"), level(pyramid, 3, "score"));
        assertNull(pyramid.get("levels[0].score"));
        assertEquals(3, pyramid.getInt("lowestMissed"), "levels 1 and 2 have no data and do not count as missed");
    }

    @Test
    void targetsAreValidatedAndTheChangeIsAudited() {
        String manager = Staff.username("cx-manager");
        setTargets(DEFAULT_TARGETS);
        Staff.as("cx-manager").contentType(ContentType.JSON).body(Map.of("levels", Map.of("4", 55.5))).put("/api/v1/scorecards/pyramid/targets")
                .then().statusCode(200).body("levels.4", equalTo(55.5f)).body("levels.1", equalTo(80.0f));
        exact().get("/api/v1/scorecards/pyramid/targets").then().statusCode(200).body("levels.4", equalTo(new BigDecimal("55.5000")));

        JsonPath audit = given().queryParam("action", "scorecard.targets.set").queryParam("actor", manager).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(manager), audit.getList("items.actor"));
        assertEquals("scorecard", audit.getString("items[0].targetType"));
        assertEquals("pyramid", audit.getString("items[0].targetId"));
        assertEquals(50.0, audit.getDouble("items[0].before.4"));
        assertEquals(55.5, audit.getDouble("items[0].after.4"));

        given().contentType(ContentType.JSON).body(Map.of("levels", Map.of("6", 50, "2", 101, "3", "high", "1", -1)))
                .put("/api/v1/scorecards/pyramid/targets").then().statusCode(422)
                .body("errors.field", hasItems("levels.6", "levels.2", "levels.3", "levels.1"));
        given().contentType(ContentType.JSON).body(Map.of("levels", Map.of())).put("/api/v1/scorecards/pyramid/targets").then()
                .statusCode(422).body("errors[0].field", equalTo("levels"));
        exact().get("/api/v1/scorecards/pyramid/targets").then().body("levels.2", equalTo(new BigDecimal("80.0000")));

        Staff.as("viewer").contentType(ContentType.JSON).body(Map.of("levels", Map.of("1", 10))).put("/api/v1/scorecards/pyramid/targets")
                .then().statusCode(403);
        Staff.as("viewer").get("/api/v1/scorecards/pyramid").then().statusCode(200);
        Staff.as("viewer").get("/api/v1/scorecards/alignment").then().statusCode(200);
        setTargets(DEFAULT_TARGETS);
    }

    @Test
    void sharedKpisNameOwnersFromTwoOrMoreDepartments() {
        JsonPath alignment = alignment(LocalDate.of(1750, 1, 1), LocalDate.of(1750, 2, 1));
        List<String> keys = alignment.getList("sharedKpis.kpis.key");
        assertEquals(keys.size(), alignment.getInt("sharedKpis.count"));
        assertTrue(keys.containsAll(List.of("churn_rate", "clv", "funnel", "grr", "nrr", "peak_end_score", "repurchase_rate", "retention_rate")),
                keys::toString);
        assertTrue(!keys.contains("nps") && !keys.contains("csat"), "not shared by default");
        assertEquals(List.of("sales", "support"), alignment.getList("sharedKpis.kpis.find { it.key == 'nrr' }.owners"));

        // A target for exactly that period makes NPS shared by product and support for it, and only for it.
        given().contentType(ContentType.JSON)
                .body(Map.of("value", 30, "from", "1751-01-01", "to", "1751-02-01", "owners", List.of("product", "support"), "shared", true))
                .put("/api/v1/kpis/nps/target").then().statusCode(200);
        assertTrue(alignment(LocalDate.of(1751, 1, 1), LocalDate.of(1751, 2, 1)).getList("sharedKpis.kpis.key").contains("nps"));
        assertTrue(!alignment(LocalDate.of(1751, 2, 1), LocalDate.of(1751, 3, 1)).getList("sharedKpis.kpis.key").contains("nps"));
    }

    @Test
    void badPeriodsAreRefusedNamingTheParameter() {
        for (String path : List.of("/api/v1/scorecards/pyramid", "/api/v1/scorecards/alignment")) {
            exact().queryParam("from", "1750-02-01").queryParam("to", "1750-01-01").get(path).then().statusCode(422)
                    .body("errors[0].field", equalTo("from"));
            exact().queryParam("from", "1750-01-01").queryParam("to", "1750-01-01").get(path).then().statusCode(422)
                    .body("errors[0].field", equalTo("from"));
            exact().queryParam("from", "yesterday").get(path).then().statusCode(400).body("errors[0].field", equalTo("from"));
            exact().queryParam("to", "1750-13-01").get(path).then().statusCode(400).body("errors[0].field", equalTo("to"));
        }
    }

    @Test
    void withoutCredentialsEveryScorecardEndpointIs401() {
        given().auth().none().get("/api/v1/scorecards/pyramid").then().statusCode(401);
        given().auth().none().get("/api/v1/scorecards/pyramid/targets").then().statusCode(401);
        given().auth().none().get("/api/v1/scorecards/alignment").then().statusCode(401);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("levels", Map.of("1", 10))).put("/api/v1/scorecards/pyramid/targets")
                .then().statusCode(401);
    }
}
