package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Signals.customer;
import static dev.kreis.app.Signals.touch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * {@code POST /api/v1/signals/backtest}: how often a drafted rule would have fired in the last 30 days.
 * Touchpoints of the shared test database come from other tests too, so each test compares the backtest
 * before and after adding its own customers.
 */
@QuarkusTest
class SignalBacktestApiTest {

    private static Map<String, Object> rule(String trigger, Map<String, Object> condition) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", "Backtest " + Fixtures.unique());
        rule.put("trigger", Map.of("type", trigger));
        rule.put("condition", condition);
        rule.put("action", Map.of("kind", "task", "department", "support", "title", "Follow up"));
        return rule;
    }

    private static JsonPath backtest(Map<String, Object> rule) {
        return given().contentType(ContentType.JSON).body(rule).post("/api/v1/signals/backtest").then().statusCode(200)
                .body("from", notNullValue()).body("to", notNullValue()).extract().jsonPath();
    }

    private static void assertGrew(JsonPath before, JsonPath after, long firings, long customers) {
        assertEquals(before.getLong("firings") + firings, after.getLong("firings"), "firings");
        assertEquals(before.getLong("customers") + customers, after.getLong("customers"), "customers");
    }

    @Test
    void aScoreRangeRuleCountsTheMatchingScoresOfTheLast30DaysOnly() {
        Map<String, Object> rule = rule(SignalTestTypes.RATED, Map.of("kind", "score_range", "max", 1));
        JsonPath before = backtest(rule);
        UUID unhappy = customer();
        touch(unhappy, SignalTestTypes.RATED, 1, Duration.ofDays(3));
        touch(unhappy, SignalTestTypes.RATED, 1, Duration.ofDays(2));
        touch(unhappy, SignalTestTypes.RATED, 5, Duration.ofDays(1));
        UUID longAgo = customer();
        touch(longAgo, SignalTestTypes.RATED, 1, Duration.ofDays(40));

        assertGrew(before, backtest(rule), 2, 1);
    }

    @Test
    void aCountRuleFiresWhenTheWindowReachesTheCount() {
        Map<String, Object> rule = rule(SignalTestTypes.SUPPORT_CONTACT, Map.of("kind", "count_within", "count", 3, "window", "P7D"));
        JsonPath before = backtest(rule);
        UUID often = customer();
        touch(often, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(6));
        touch(often, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(5));
        touch(often, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(4));
        touch(often, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(3));
        UUID spread = customer();
        touch(spread, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(25));
        touch(spread, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(15));
        touch(spread, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(5));

        assertGrew(before, backtest(rule), 2, 1);
    }

    @Test
    void anAbsenceRuleFiresForEachSilenceThatReachedThePeriodInTheLast30Days() {
        Map<String, Object> rule = rule(SignalTestTypes.LOGIN, Map.of("kind", "absence", "period", "P10D"));
        JsonPath before = backtest(rule);
        UUID silent = customer();
        touch(silent, SignalTestTypes.LOGIN, null, Duration.ofDays(15));
        UUID active = customer();
        touch(active, SignalTestTypes.LOGIN, null, Duration.ofDays(8));
        touch(active, SignalTestTypes.LOGIN, null, Duration.ofDays(2));
        UUID twice = customer();
        touch(twice, SignalTestTypes.LOGIN, null, Duration.ofDays(33));
        touch(twice, SignalTestTypes.LOGIN, null, Duration.ofDays(12));

        assertGrew(before, backtest(rule), 3, 2);
    }

    @Test
    void anInvalidRuleIsRefusedNamingTheFieldAndNothingIsSaved() {
        int rules = given().queryParam("limit", 500).get("/api/v1/signals/rules").then().statusCode(200).extract().jsonPath().getList("items").size();
        Map<String, Object> bad = rule(SignalTestTypes.RATED, Map.of("kind", "count_within", "count", 0, "window", "P7D"));
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/signals/backtest").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("condition.count"));
        given().contentType(ContentType.JSON).body(rule("no.such_type", Map.of("kind", "absence", "period", "P7D")))
                .post("/api/v1/signals/backtest").then().statusCode(422).body("errors.field", hasItem("trigger.type"));
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/signals/backtest").then().statusCode(400).contentType(PROBLEM_JSON);
        assertEquals(rules, given().queryParam("limit", 500).get("/api/v1/signals/rules").then().extract().jsonPath().getList("items").size());
    }

    @Test
    void onlyRuleWritersMayBacktest() {
        Map<String, Object> rule = rule(SignalTestTypes.RATED, Map.of("kind", "score_range", "max", 1));
        Staff.as("cx-manager").contentType(ContentType.JSON).body(rule).post("/api/v1/signals/backtest").then().statusCode(200);
        for (String role : List.of("support", "marketing", "sales", "viewer", "integration")) {
            Staff.as(role).contentType(ContentType.JSON).body(rule).post("/api/v1/signals/backtest").then().statusCode(403).contentType(PROBLEM_JSON);
        }
        given().auth().none().contentType(ContentType.JSON).body(rule).post("/api/v1/signals/backtest").then().statusCode(401);
    }
}
