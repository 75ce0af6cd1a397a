package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.touchpointForEmail;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code POST /api/v1/touchpoints/batch}: each item judged on its own, idempotent replays, size limits. */
@QuarkusTest
class TouchpointBatchApiTest {

    @Test
    void eachItemOfAMixedBatchIsJudgedOnItsOwn() {
        Created anna = person("crm").email(email()).create();
        Fixtures.TouchpointBody stored = touchpointFor(anna.customerId());
        String knownId = stored.ingest();
        Map<String, Object> known = stored.json();

        List<Map<String, Object>> items = List.of(
                touchpointFor(anna.customerId()).occurredAt("2025-01-01T00:00:00Z").json(),
                touchpointFor(anna.customerId()).type("no.such_type").json(),
                known,
                touchpointFor(anna.customerId()).type("feedback.nps").score(12).json(),
                touchpointFor(anna.customerId()).occurredAt("2025-01-02T00:00:00Z").json());

        JsonPath result = postJson("/api/v1/touchpoints/batch", Map.of("items", items))
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(2))
                .body("results.index", contains(0, 1, 2, 3, 4))
                .body("results.status", contains("accepted", "rejected", "duplicate", "rejected", "accepted"))
                .body("results[1].errors.field", contains("type"))
                .body("results[1].error", containsString("no.such_type"))
                .body("results[1].touchpointId", nullValue())
                .body("results[2].touchpointId", equalTo(knownId))
                .body("results[3].errors.field", contains("score"))
                .body("results[0].customerId", equalTo(anna.customerId().toString()))
                .extract().jsonPath();

        List<String> expected = List.of(result.getString("results[4].touchpointId"), result.getString("results[0].touchpointId"));
        List<String> timeline = Fixtures.timelineIds(anna.customerId());
        assertEquals(List.of(knownId, expected.get(0), expected.get(1)), timeline,
                "the one stored before and the two accepted, newest first; rejected items are not stored");
    }

    @Test
    void aThousandValidItemsAreAllAcceptedAndAReplayCreatesNothingTwice() {
        Created anna = person("crm").email(email()).create();
        String run = unique();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(touchpointFor(anna.customerId()).externalId(run + "-" + i).occurredAt(start.plusSeconds(60L * i).toString()).json());
        }

        postJson("/api/v1/touchpoints/batch", Map.of("items", items))
                .then().statusCode(200)
                .body("accepted", equalTo(1000))
                .body("duplicates", equalTo(0))
                .body("rejected", equalTo(0))
                .body("results.status", everyItem(equalTo("accepted")));
        List<String> timeline = Fixtures.timelineIds(anna.customerId());
        assertEquals(1000, timeline.size());

        JsonPath replay = postJson("/api/v1/touchpoints/batch", Map.of("items", items))
                .then().statusCode(200)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(1000))
                .body("rejected", equalTo(0))
                .extract().jsonPath();

        assertEquals(timeline, Fixtures.timelineIds(anna.customerId()));
        assertEquals(new HashSet<>(timeline), new HashSet<>(replay.getList("results.touchpointId")));
    }

    @Test
    void theSameItemTwiceInOneBatchIsStoredOnce() {
        Created anna = person("crm").email(email()).create();
        Map<String, Object> item = touchpointFor(anna.customerId()).json();

        JsonPath result = postJson("/api/v1/touchpoints/batch", Map.of("items", List.of(item, item)))
                .then().statusCode(200)
                .body("results.status", contains("accepted", "duplicate"))
                .extract().jsonPath();

        assertEquals(result.getString("results[0].touchpointId"), result.getString("results[1].touchpointId"));
        assertEquals(1, Fixtures.timelineIds(anna.customerId()).size());
    }

    @Test
    void itemsNamingTheSameNewEmailCreateOneCustomer() {
        String address = email();
        List<Map<String, Object>> items = List.of(touchpointForEmail(address).json(), touchpointForEmail(address).json());

        JsonPath result = postJson("/api/v1/touchpoints/batch", Map.of("items", items))
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .extract().jsonPath();

        assertEquals(result.getString("results[0].customerId"), result.getString("results[1].customerId"));
        assertEquals(2, Fixtures.timelineIds(UUID.fromString(result.getString("results[0].customerId"))).size());
    }

    @Test
    void anItemThatIsNotAnObjectIsRejectedAlone() {
        Created anna = person("crm").email(email()).create();

        postJson("/api/v1/touchpoints/batch", Map.of("items", List.of("nonsense", touchpointFor(anna.customerId()).json())))
                .then().statusCode(200)
                .body("results.status", contains("rejected", "accepted"))
                .body("results[0].errors", hasSize(1));
    }

    @Test
    void moreThanFiveThousandItemsAreTooLarge() {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> item = Map.of("source", "shop");
        for (int i = 0; i < 5001; i++) {
            items.add(item);
        }

        postJson("/api/v1/touchpoints/batch", Map.of("items", items))
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("status", equalTo(413))
                .body("detail", containsString("5000"));
    }

    @Test
    void missingItemsAreRejected() {
        postJson("/api/v1/touchpoints/batch", Map.of("entries", List.of()))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("items"));
    }

    @Test
    void emptyItemsAreRejected() {
        postJson("/api/v1/touchpoints/batch", Map.of("items", List.of()))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("items"));
    }

    @Test
    void aBodyOverTwentyMegabytesIsTooLarge() {
        String body = "{\"items\":[\"" + "x".repeat(21 * 1024 * 1024) + "\"]}";

        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/touchpoints/batch")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("status", equalTo(413))
                .body("title", notNullValue())
                .body("detail", containsString("bytes"));
    }
}
