package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.postRaw;
import static dev.kreis.app.Signals.CES_RULE;
import static dev.kreis.app.Signals.DETRACTOR_RULE;
import static dev.kreis.app.Signals.OUTREACH_RULE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code /api/v1/signals/rules}: the defaults, create, read, replace, delete, validation and who may do what. */
@QuarkusTest
class SignalRuleApiTest {

    static Map<String, Object> valid() {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", "Unhappy CSAT: follow up");
        rule.put("enabled", true);
        rule.put("trigger", Map.of("type", "feedback.csat"));
        rule.put("condition", Map.of("kind", "score_range", "max", 2));
        rule.put("action", Map.of("kind", "task", "department", "support", "title", "Call the customer back"));
        return rule;
    }

    static Map<String, Object> with(String field, Object value) {
        Map<String, Object> rule = valid();
        if (value == null) {
            rule.remove(field);
        } else {
            rule.put(field, value);
        }
        return rule;
    }

    @Test
    void theDefaultRulesAreListedAndReadable() {
        JsonPath page = given().queryParam("limit", 500).get("/api/v1/signals/rules").then().statusCode(200).extract().jsonPath();
        org.hamcrest.MatcherAssert.assertThat(page.getList("items.id"), hasItems(DETRACTOR_RULE, CES_RULE, OUTREACH_RULE));

        given().get("/api/v1/signals/rules/" + DETRACTOR_RULE).then().statusCode(200)
                .body("trigger.type", equalTo("feedback.nps"))
                .body("condition.kind", equalTo("score_range")).body("condition.min", equalTo(0)).body("condition.max", equalTo(6))
                .body("action.kind", equalTo("task")).body("action.department", equalTo("support"));
        given().get("/api/v1/signals/rules/" + CES_RULE).then().statusCode(200)
                .body("trigger.type", equalTo("feedback.ces")).body("condition.max", equalTo(3));
        given().get("/api/v1/signals/rules/" + OUTREACH_RULE).then().statusCode(200)
                .body("trigger.type", equalTo("support.*"))
                .body("condition.kind", equalTo("count_within")).body("condition.count", equalTo(3)).body("condition.window", equalTo("P7D"));
    }

    @Test
    void aRuleIsCreatedReadReplacedAndDeleted() {
        String id = given().contentType(ContentType.JSON).body(valid()).post("/api/v1/signals/rules").then().statusCode(201)
                .body("id", notNullValue()).body("enabled", equalTo(true)).body("action.priority", equalTo("normal"))
                .body("createdAt", notNullValue())
                .extract().jsonPath().getString("id");
        given().get("/api/v1/signals/rules/" + id).then().statusCode(200).body("name", equalTo("Unhappy CSAT: follow up"));

        Map<String, Object> changed = with("condition", Map.of("kind", "count_within", "count", 2, "window", "PT36H"));
        changed.put("action", Map.of("kind", "event", "name", "csat.repeated"));
        given().contentType(ContentType.JSON).body(changed).put("/api/v1/signals/rules/" + id).then().statusCode(200)
                .body("condition.window", equalTo("PT36H")).body("action.kind", equalTo("event")).body("action.name", equalTo("csat.repeated"));

        given().delete("/api/v1/signals/rules/" + id).then().statusCode(204);
        given().get("/api/v1/signals/rules/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
        given().delete("/api/v1/signals/rules/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(valid()).put("/api/v1/signals/rules/" + id).then().statusCode(404);
    }

    @Test
    void anAreaTriggerWatchesAModuleBeforeItIsInstalled() {
        Map<String, Object> rule = with("trigger", Map.of("type", "billing.*"));
        rule.put("condition", Map.of("kind", "absence", "period", "P30D"));
        rule.put("enabled", false);
        given().contentType(ContentType.JSON).body(rule).post("/api/v1/signals/rules").then().statusCode(201)
                .body("trigger.type", equalTo("billing.*")).body("condition.period", equalTo("P30D"));
    }

    static List<Object[]> invalidRules() {
        return List.of(
                new Object[] { with("trigger", Map.of("type", "nosuch.type")), "trigger.type" },
                new Object[] { with("trigger", Map.of("type", "")), "trigger.type" },
                new Object[] { with("trigger", Map.of("type", 5)), "trigger.type" },
                new Object[] { with("trigger", null), "trigger" },
                new Object[] { with("name", null), "name" },
                new Object[] { with("name", "x".repeat(201)), "name" },
                new Object[] { with("enabled", "yes"), "enabled" },
                new Object[] { with("condition", null), "condition" },
                new Object[] { with("condition", "score_range"), "condition" },
                new Object[] { with("condition", Map.of("kind", "sometimes")), "condition.kind" },
                new Object[] { with("condition", Map.of("kind", "score_range")), "condition.min" },
                new Object[] { with("condition", Map.of("kind", "score_range", "min", 4, "max", 2)), "condition.max" },
                new Object[] { with("condition", Map.of("kind", "score_range", "min", 0)), "condition.min" },
                new Object[] { with("condition", Map.of("kind", "score_range", "max", "low")), "condition.max" },
                new Object[] { with("condition", Map.of("kind", "count_within", "count", 0, "window", "P7D")), "condition.count" },
                new Object[] { with("condition", Map.of("kind", "count_within", "count", 2.5, "window", "P7D")), "condition.count" },
                new Object[] { with("condition", Map.of("kind", "count_within", "count", 3, "window", "7 days")), "condition.window" },
                new Object[] { with("condition", Map.of("kind", "count_within", "count", 3)), "condition.window" },
                new Object[] { with("condition", Map.of("kind", "absence", "period", "P400D")), "condition.period" },
                new Object[] { with("condition", Map.of("kind", "absence", "period", "PT5M")), "condition.period" },
                new Object[] { with("action", null), "action" },
                new Object[] { with("action", Map.of("kind", "email")), "action.kind" },
                new Object[] { with("action", Map.of("kind", "task", "title", "Call")), "action.department" },
                new Object[] { with("action", Map.of("kind", "task", "department", "Support Team", "title", "Call")), "action.department" },
                new Object[] { with("action", Map.of("kind", "task", "department", "support")), "action.title" },
                new Object[] { with("action", Map.of("kind", "task", "department", "support", "title", "Call", "priority", "asap")),
                        "action.priority" },
                new Object[] { with("action", Map.of("kind", "tag", "tag", "Not A Tag")), "action.tag" },
                new Object[] { with("action", Map.of("kind", "event")), "action.name" },
                new Object[] { with("action", Map.of("kind", "event", "name", "9lives")), "action.name" });
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void anInvalidRuleIsRefusedNamingTheField(Map<String, Object> rule, String field) {
        given().contentType(ContentType.JSON).body(rule).post("/api/v1/signals/rules").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(field));
        given().contentType(ContentType.JSON).body(rule).put("/api/v1/signals/rules/" + DETRACTOR_RULE).then().statusCode(422)
                .body("errors.field", hasItem(field));
    }

    @Test
    void aScoreRangeNeedsATriggerWithAScale() {
        Map<String, Object> rule = with("trigger", Map.of("type", "core.interaction"));
        given().contentType(ContentType.JSON).body(rule).post("/api/v1/signals/rules").then().statusCode(422)
                .body("errors.field", contains("condition.kind"));
        rule.put("trigger", Map.of("type", "support.*"));
        given().contentType(ContentType.JSON).body(rule).post("/api/v1/signals/rules").then().statusCode(422)
                .body("errors.field", contains("condition.kind"));
    }

    @Test
    void aBodyThatIsNotARuleObjectIsMalformed() {
        postRaw("/api/v1/signals/rules", "{\"name\":").then().statusCode(400).contentType(PROBLEM_JSON);
        postRaw("/api/v1/signals/rules", "[1,2]").then().statusCode(400).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).post("/api/v1/signals/rules").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void idsThatAreNotUuidsOrUnknownAreRefused() {
        given().get("/api/v1/signals/rules/not-a-uuid").then().statusCode(400).body("errors.field", contains("id"));
        given().get("/api/v1/signals/rules/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        given().queryParam("limit", 0).get("/api/v1/signals/rules").then().statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("cursor", "garbage").get("/api/v1/signals/rules").then().statusCode(400).body("errors.field", contains("cursor"));
    }

    @Test
    void theListIsPagedWithACursor() {
        JsonPath first = given().queryParam("limit", 1).get("/api/v1/signals/rules").then().statusCode(200).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        org.junit.jupiter.api.Assertions.assertNotNull(cursor);
        JsonPath second = given().queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/signals/rules").then().statusCode(200)
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertNotEquals(first.getString("items[0].id"), second.getString("items[0].id"));
    }

    @Test
    void staffReadRulesAndOnlyTheCxTeamAndAdminsChangeThem() {
        Staff.as("viewer").get("/api/v1/signals/rules").then().statusCode(200);
        Staff.as("support").get("/api/v1/signals/rules/" + DETRACTOR_RULE).then().statusCode(200);
        Staff.as("integration").get("/api/v1/signals/rules").then().statusCode(403).contentType(PROBLEM_JSON);
        for (String role : List.of("support", "marketing", "sales", "viewer", "integration")) {
            Staff.as(role).contentType(ContentType.JSON).body(valid()).post("/api/v1/signals/rules").then().statusCode(403);
            Staff.as(role).contentType(ContentType.JSON).body(valid()).put("/api/v1/signals/rules/" + DETRACTOR_RULE).then().statusCode(403);
            Staff.as(role).delete("/api/v1/signals/rules/" + DETRACTOR_RULE).then().statusCode(403);
        }
        String id = Staff.as("cx-manager").contentType(ContentType.JSON).body(with("enabled", false)).post("/api/v1/signals/rules")
                .then().statusCode(201).extract().jsonPath().getString("id");
        Staff.as("cx-manager").delete("/api/v1/signals/rules/" + id).then().statusCode(204);
        given().auth().none().get("/api/v1/signals/rules").then().statusCode(401).contentType(PROBLEM_JSON);
        given().auth().none().contentType(ContentType.JSON).body(valid()).post("/api/v1/signals/rules").then().statusCode(401);
    }
}
