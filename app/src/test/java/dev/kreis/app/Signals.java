package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.touchpointFor;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Helpers of the signal tests: fresh customers, recent touchpoints, rules and task lists. */
public final class Signals {
    public static final String DETRACTOR_RULE = "5e1a0000-0000-4000-8000-000000000001";
    public static final String CES_RULE = "5e1a0000-0000-4000-8000-000000000002";
    public static final String OUTREACH_RULE = "5e1a0000-0000-4000-8000-000000000003";

    private Signals() {
    }

    public static UUID customer() {
        return person("signals").email(email()).create().customerId();
    }

    /** A time {@code ago} before now, as ISO-8601. */
    public static String ago(Duration ago) {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(ago).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Ingests a touchpoint of the type that occurred a minute ago, with a score if given; answers its id. */
    public static String touch(UUID customerId, String type, Integer score) {
        return touch(customerId, type, score, Duration.ofMinutes(1));
    }

    public static String touch(UUID customerId, String type, Integer score, Duration ago) {
        var body = touchpointFor(customerId).source("signals").type(type).occurredAt(ago(ago));
        if (score != null) {
            body.score(score);
        }
        return body.ingest();
    }

    /** A company-initiated interaction of the customer at the given time; answers its id. */
    public static String outreach(UUID customerId, String occurredAt) {
        return touchpointFor(customerId).source("signals").type("core.interaction").set("initiator", "company").set("channel", "phone")
                .occurredAt(occurredAt).ingest();
    }

    public static JsonPath tasksOf(UUID customerId) {
        return given().queryParam("customerId", customerId.toString()).queryParam("limit", 500).get("/api/v1/tasks")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Creates a rule (as admin) and answers its id. */
    public static String rule(String name, String trigger, Map<String, Object> condition, Map<String, Object> action) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "enabled", true, "trigger", Map.of("type", trigger), "condition", condition, "action", action))
                .post("/api/v1/signals/rules").then().statusCode(201).extract().jsonPath().getString("id");
    }

    public static List<Map<String, Object>> items(JsonPath page) {
        return page.getList("items");
    }
}
