package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** One customer's journey: phases, time in phase and the peak-end score, read through the API. */
@QuarkusTest
class JourneyApiTest {

    @Test
    void theConceptsExampleHasItsPeakAtTheEffortAnswerAndScoresMinusAQuarter() {
        UUID anna = customer();
        scored(anna, "feedback.csat", 4, "2025-05-01T10:00:00Z");
        String effort = scored(anna, "feedback.ces", 1, "2025-05-02T10:00:00Z");
        scored(anna, "feedback.nps", 5, "2025-05-03T10:00:00Z");
        String last = scored(anna, "feedback.csat", 4, "2025-05-04T10:00:00Z");

        JsonPath journey = journey(anna);

        assertDecimal("-0.25", journey, "peakEnd.score");
        assertEquals(effort, journey.getString("peakEnd.peak.id"));
        assertEquals("feedback.ces", journey.getString("peakEnd.peak.type"));
        assertDecimal("1", journey, "peakEnd.peak.score");
        assertDecimal("-1", journey, "peakEnd.peak.normalised");
        assertEquals("2025-05-02T10:00:00Z", journey.getString("peakEnd.peak.occurredAt"));
        assertEquals(last, journey.getString("peakEnd.end.id"));
        assertDecimal("0.5", journey, "peakEnd.end.normalised");
        assertDecimal("0", journey, "mean");
        assertEquals(4, journey.getInt("scoredTouchpoints"));
        assertEquals(false, journey.getBoolean("truncated"));
    }

    @Test
    void onATieInIntensityThePeakIsTheLaterTouchpoint() {
        UUID ben = customer();
        scored(ben, "feedback.csat", 5, "2025-05-01T10:00:00Z");
        String later = scored(ben, "feedback.csat", 1, "2025-05-02T10:00:00Z");
        scored(ben, "feedback.nps", 5, "2025-05-03T10:00:00Z");

        JsonPath journey = journey(ben);

        assertEquals(later, journey.getString("peakEnd.peak.id"));
        assertDecimal("-0.5", journey, "peakEnd.score");
        assertDecimal("0", journey, "mean");
    }

    @Test
    void sentimentCountsAsItIsBesideTheSurveyScales() {
        UUID kai = customer();
        scored(kai, "feedback.nps", 8, "2025-05-01T10:00:00Z");
        String chat = touchpointFor(kai).type(JourneyTestTypes.SENTIMENT).score(-0.75).occurredAt("2025-05-02T10:00:00Z").ingest();
        touchpointFor(kai).type(JourneyTestTypes.SENTIMENT).score(0.25).occurredAt("2025-05-03T10:00:00Z").ingest();

        JsonPath journey = journey(kai);

        assertEquals(chat, journey.getString("peakEnd.peak.id"));
        assertEquals("sentiment", journey.getString("peakEnd.peak.scoreScale"));
        assertDecimal("-0.75", journey, "peakEnd.peak.score");
        assertDecimal("-0.75", journey, "peakEnd.peak.normalised");
        assertDecimal("-0.25", journey, "peakEnd.score", "(-0.75 + 0.25) / 2");
        assertDecimal("0.0333", journey, "mean", "(0.6 - 0.75 + 0.25) / 3");
    }

    @Test
    void aCustomerWhoBoughtAndThenReadABlogPostIsInPurchaseWithLastTouchInAwareness() {
        UUID clara = customer();
        touch(clara, "purchase", "2025-06-01T09:00:00Z");
        touch(clara, "awareness", "2025-06-03T09:00:00Z");

        JsonPath journey = journey(clara);

        assertEquals("purchase", journey.getString("currentPhase"));
        assertEquals("awareness", journey.getString("lastTouchPhase"));
        assertEquals(List.of("awareness", "purchase"), journey.getList("phases.phase"));
        assertEquals("PT0S", phase(journey, "awareness", "timeInPhase"), "awareness was never the furthest phase");
        assertNull(journey.get("peakEnd"));
        assertNull(journey.get("mean"));
    }

    @Test
    void timeInPhaseRunsFromFirstReachingAPhaseUntilFirstReachingALaterOne() {
        UUID dora = customer();
        touch(dora, "awareness", "2025-07-01T08:00:00Z");
        touch(dora, "interest", "2025-07-01T10:00:00Z");
        touch(dora, "awareness", "2025-07-01T11:00:00Z");
        touch(dora, "interest", "2025-07-01T12:00:00Z");
        touch(dora, "purchase", "2025-07-01T13:30:00Z");

        JsonPath journey = journey(dora, "to", "2025-07-02T00:00:00Z");

        assertEquals("2025-07-01T08:00:00Z", phase(journey, "awareness", "firstReachedAt"));
        assertEquals("2025-07-01T11:00:00Z", phase(journey, "awareness", "lastTouchAt"));
        assertEquals(2, (int) phase(journey, "awareness", "touchpoints"));
        assertEquals("PT2H", phase(journey, "awareness", "timeInPhase"));
        assertEquals("PT3H30M", phase(journey, "interest", "timeInPhase"));
        assertEquals("PT10H30M", phase(journey, "purchase", "timeInPhase"), "the furthest phase lasts until to");
        assertEquals("purchase", journey.getString("currentPhase"));
    }

    @Test
    void theFurthestPhaseLastsUntilNowWhenTheWindowIsOpen() {
        UUID emil = customer();
        OffsetDateTime twoHoursAgo = OffsetDateTime.now().minusHours(2).withNano(0);
        touch(emil, "intent", twoHoursAgo.toString());

        String time = phase(journey(emil), "intent", "timeInPhase");

        long seconds = Duration.parse(time).getSeconds();
        assertTrue(seconds >= 7200 && seconds < 7200 + 600, time);
    }

    @Test
    void theWindowSelectsTheTouchpointsOfTheJourney() {
        UUID fay = customer();
        scored(fay, "feedback.ces", 1, "2025-08-01T10:00:00Z");
        touch(fay, "interest", "2025-08-05T10:00:00Z");
        String inside = scored(fay, "feedback.nps", 10, "2025-08-10T10:00:00Z");
        touch(fay, "advocacy", "2025-08-20T10:00:00Z");

        JsonPath journey = journey(fay, "from", "2025-08-05T10:00:00Z", "to", "2025-08-20");

        assertEquals("advocacy", journey.getString("currentPhase"), "the NPS answer is in advocacy");
        assertEquals(List.of("interest", "advocacy"), journey.getList("phases.phase"));
        assertEquals(1, (int) phase(journey, "advocacy", "touchpoints"));
        assertEquals(1, journey.getInt("scoredTouchpoints"));
        assertEquals(inside, journey.getString("peakEnd.peak.id"));
        assertDecimal("1", journey, "peakEnd.score");
        assertEquals("2025-08-05T10:00:00Z", journey.getString("from"));
        assertEquals("2025-08-20T00:00:00Z", journey.getString("to"));
        assertEquals("PT120H", phase(journey, "interest", "timeInPhase"));
        assertEquals("PT230H", phase(journey, "advocacy", "timeInPhase"), "until to, the 20th at midnight");
    }

    @Test
    void aCustomerWithoutTouchpointsHasAnEmptyJourney() {
        UUID gus = customer();

        JsonPath journey = journey(gus);

        assertEquals(gus.toString(), journey.getString("customerId"));
        assertNull(journey.get("currentPhase"));
        assertNull(journey.get("lastTouchPhase"));
        assertEquals(List.of(), journey.getList("phases"));
        assertNull(journey.get("peakEnd"));
        assertNull(journey.get("mean"));
        assertEquals(0, journey.getInt("scoredTouchpoints"));
    }

    @Test
    void anAbsorbedIdAnswersWithTheSurvivorsWholeJourney() {
        UUID survivor = customer();
        UUID absorbed = customer();
        touch(survivor, "awareness", "2025-09-01T10:00:00Z");
        String peak = scored(absorbed, "feedback.ces", 1, "2025-09-02T10:00:00Z");
        scored(survivor, "feedback.csat", 4, "2025-09-03T10:00:00Z");
        postJson("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(absorbed))).then().statusCode(200);

        JsonPath journey = journey(absorbed);

        assertEquals(survivor.toString(), journey.getString("customerId"));
        assertEquals(List.of("awareness", "retention"), journey.getList("phases.phase"));
        assertEquals(2, journey.getInt("scoredTouchpoints"));
        assertEquals(peak, journey.getString("peakEnd.peak.id"));
        assertDecimal("-0.25", journey, "peakEnd.score");
    }

    @Test
    void beyondTheCapOnlyTheNewestScoredTouchpointsAreRead() {
        UUID hanna = customer();
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(touchpointFor(hanna).type("feedback.ces").score(1).occurredAt("2025-10-01T00:00:00Z").json());
        for (int i = 0; i < 20; i++) {
            items.add(touchpointFor(hanna).type("feedback.csat").score(4).occurredAt("2025-10-02T00:00:" + String.format("%02d", i) + "Z").json());
        }
        postJson("/api/v1/touchpoints/batch", Map.of("items", items)).then().statusCode(200).body("accepted", equalTo(21));

        JsonPath journey = journey(hanna);

        assertEquals(20, journey.getInt("scoredTouchpoints"), "kreis.journeys.max-scored-touchpoints is 20 in the tests");
        assertEquals(true, journey.getBoolean("truncated"));
        assertDecimal("0.5", journey, "peakEnd.score", "the oldest answer, CES 1, is beyond the cap");
        assertEquals(21, (int) phase(journey, "retention", "touchpoints"), "phases count every touchpoint");
    }

    @Test
    void badInputIsAnsweredWithAProblemNamingTheParameter() {
        UUID ida = customer();
        given().get("/api/v1/customers/" + UUID.randomUUID() + "/journey").then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("/api/v1/customers/not-a-uuid/journey").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("id"));
        given().queryParam("from", "yesterday").get("/api/v1/customers/" + ida + "/journey").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("errors.field", contains("from"));
        given().queryParam("to", "2025-13-01").get("/api/v1/customers/" + ida + "/journey").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("errors.field", contains("to"));
        given().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/v1/customers/" + ida + "/journey")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", contains("from"));
        given().queryParam("from", "2025-01-01").queryParam("to", "2025-01-01T00:00:00Z").get("/api/v1/customers/" + ida + "/journey")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", contains("from"));
    }

    @Test
    void viewersAndIntegrationsReadJourneysAndCallersWithoutCredentialsAreRefused() {
        UUID jan = customer();
        touch(jan, "interest", "2025-04-01T10:00:00Z");

        Staff.as("viewer").get("/api/v1/customers/" + jan + "/journey").then().statusCode(200).body("currentPhase", equalTo("interest"));
        Staff.as("integration").get("/api/v1/customers/" + jan + "/journey").then().statusCode(200);
        given().auth().none().get("/api/v1/customers/" + jan + "/journey").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    static UUID customer() {
        Created created = person("journey").email(email()).create();
        return created.customerId();
    }

    static String scored(UUID customer, String type, int score, String at) {
        return touchpointFor(customer).type(type).score(score).occurredAt(at).ingest();
    }

    static String touch(UUID customer, String phase, String at) {
        return touchpointFor(customer).phase(phase).occurredAt(at).ingest();
    }

    static JsonPath journey(UUID customer, String... query) {
        return given().queryParams(pairs(query)).get("/api/v1/customers/" + customer + "/journey")
                .then().statusCode(200).extract().jsonPath().using(decimals());
    }

    static JsonPathConfig decimals() {
        return new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    }

    static Map<String, Object> pairs(String... query) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < query.length; i += 2) {
            params.put(query[i], query[i + 1]);
        }
        return params;
    }

    /** A field of one phase of a journey. */
    static <T> T phase(JsonPath journey, String phase, String field) {
        assertTrue(journey.getList("phases.phase").contains(phase), "no phase " + phase + " in " + journey.getList("phases.phase"));
        return journey.get("phases.find { it.phase == '" + phase + "' }." + field);
    }

    static void assertDecimal(String expected, JsonPath json, String path) {
        assertDecimal(expected, json, path, path);
    }

    static void assertDecimal(String expected, JsonPath json, String path, String message) {
        Object actual = json.get(path);
        assertTrue(actual != null && new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())) == 0,
                message + ": expected " + expected + " but was " + actual);
    }
}
