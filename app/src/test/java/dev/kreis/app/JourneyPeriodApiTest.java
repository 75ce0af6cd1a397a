package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.JourneyApiTest.assertDecimal;
import static dev.kreis.app.JourneyApiTest.customer;
import static dev.kreis.app.JourneyApiTest.decimals;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Journeys over a period: a phase's journey and touchpoint levels. All tests share one database, so
 * each test works in its own random window in the 19th century, where no other test puts touchpoints.
 */
@QuarkusTest
class JourneyPeriodApiTest {

    @Test
    void aMergedCustomerHasOneJourneyWithOnePeak() {
        Window w = Window.random();
        UUID survivor = customer();
        UUID absorbed = customer();
        w.scored(survivor, "feedback.ces", 2, 1);
        w.scored(absorbed, "feedback.nps", 0, 2);
        w.scored(survivor, "feedback.csat", 4, 3);
        postJson("/api/v1/customers/" + survivor + "/merge", Map.of("customerIds", List.of(absorbed))).then().statusCode(200);

        JsonPath report = w.phaseMetrics("awareness");

        assertEquals(1, report.getInt("journey.customersReached"));
        assertEquals(1, report.getInt("journey.peakEndJourneys"));
        assertDecimal("-0.25", report, "journey.averagePeakEnd", "the absorbed customer's NPS 0 is the peak (-1), CSAT 4 the end (0.5)");
    }

    @Test
    void aPhaseListsItsJourneyLevelFiguresAndTheTouchpointMetricsUnderneath() {
        Window w = Window.random();
        UUID anna = customer();
        w.touch(anna, "awareness", "customer", 0);
        w.scored(anna, "feedback.csat", 4, 10);
        touchpointFor(anna).type("feedback.csat").score(2).set("initiator", "company").occurredAt(w.at(20)).ingest();
        UUID ben = customer();
        w.touch(ben, "awareness", "company", 5);
        w.touch(ben, "interest", "customer", 15);
        UUID clara = customer();
        w.scored(clara, "feedback.ces", 1, 30);
        w.scored(clara, "feedback.nps", 10, 40);
        w.touch(clara, "awareness", "company", w.minutes);

        JsonPath retention = w.phaseMetrics("retention");

        assertEquals("retention", retention.getString("phase"));
        assertEquals(2, retention.getInt("journey.customersReached"), "anna in retention, clara beyond it");
        assertEquals(2, retention.getInt("journey.peakEndJourneys"));
        assertDecimal("0.25", retention, "journey.averagePeakEnd", "anna -0.5 (the later of a tie), clara 1.0");
        assertEquals(List.of("feedback.csat", "feedback.ces"), retention.getList("touchpointTypes.type"));
        assertEquals(List.of(2, 1), retention.getList("touchpointTypes.touchpoints"));
        assertEquals(List.of("csat", "ces"), retention.getList("touchpointTypes.scoreScale"));
        assertDecimal("3", retention, "touchpointTypes[0].averageScore");
        assertDecimal("0", retention, "touchpointTypes[0].averageNormalised");
        assertDecimal("50", retention, "touchpointTypes[0].companyInitiatedShare");
        assertDecimal("-1", retention, "touchpointTypes[1].averageNormalised");
        assertDecimal("0", retention, "touchpointTypes[1].companyInitiatedShare");

        JsonPath awareness = w.phaseMetrics("awareness");

        assertEquals(3, awareness.getInt("journey.customersReached"), "clara reached awareness by going further");
        assertEquals(List.of("core.interaction"), awareness.getList("touchpointTypes.type"));
        assertEquals(2, awareness.getInt("touchpointTypes[0].touchpoints"), "the touchpoint at 'to' is outside the period");
        assertEquals(2, awareness.getInt("touchpointTypes[0].customers"));
        assertEquals(0, awareness.getInt("touchpointTypes[0].scored"));
        assertNull(awareness.get("touchpointTypes[0].averageScore"));
        assertNull(awareness.get("touchpointTypes[0].averageNormalised"));
        assertDecimal("50", awareness, "touchpointTypes[0].companyInitiatedShare");

        JsonPath advocacyOfAnEmptyPeriod = given().queryParam("from", "1799-01-01").queryParam("to", "1799-01-02")
                .get("/api/v1/journeys/phases/advocacy/metrics").then().statusCode(200).extract().jsonPath();
        assertEquals(0, advocacyOfAnEmptyPeriod.getInt("journey.customersReached"));
        assertNull(advocacyOfAnEmptyPeriod.get("journey.averagePeakEnd"));
        assertEquals(List.of(), advocacyOfAnEmptyPeriod.getList("touchpointTypes"));
    }

    @Test
    void withoutFromAndToThePeriodIsTheNinetyDaysUntilNow() {
        JsonPath report = given().get("/api/v1/journeys/phases/purchase/metrics").then().statusCode(200).extract().jsonPath();

        OffsetDateTime from = OffsetDateTime.parse(report.getString("from"));
        OffsetDateTime to = OffsetDateTime.parse(report.getString("to"));
        assertEquals(Duration.ofDays(90), Duration.between(from, to));
        assertTrue(Duration.between(to, OffsetDateTime.now()).abs().toMinutes() < 10, to.toString());
    }

    @Test
    void badInputIsAnsweredWithAProblemNamingTheParameter() {
        String path = "/api/v1/journeys/phases/purchase/metrics";
        given().queryParam("from", "last week").get(path).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("from"));
        given().queryParam("to", "2025-02-30").get(path).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("to"));
        given().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get(path).then().statusCode(422)
                .contentType(PROBLEM_JSON).body("errors.field", contains("from"));
        given().get("/api/v1/journeys/phases/checkout/metrics").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("phase"));
    }

    @Test
    void viewersReadThePeriodFiguresButIntegrationsMayNot() {
        String path = "/api/v1/journeys/phases/purchase/metrics";
        Staff.as("viewer").get(path).then().statusCode(200);
        Staff.as("integration").get(path).then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().none().get(path).then().statusCode(401).contentType(PROBLEM_JSON);
    }

    /** A random one-day period in the 19th century, with touchpoints placed by the minute inside it. */
    static final class Window {
        final OffsetDateTime from;
        final OffsetDateTime to;
        final int minutes = 24 * 60;

        private Window(OffsetDateTime from) {
            this.from = from;
            this.to = from.plusMinutes(minutes);
        }

        static Window random() {
            long minute = ThreadLocalRandom.current().nextLong(99L * 365 * 24 * 60);
            return new Window(OffsetDateTime.of(1800, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(minute));
        }

        String at(int minute) {
            return from.plusMinutes(minute).toString();
        }

        String scored(UUID customer, String type, int score, int minute) {
            return touchpointFor(customer).type(type).score(score).occurredAt(at(minute)).ingest();
        }

        String touch(UUID customer, String phase, String initiator, int minute) {
            return touchpointFor(customer).phase(phase).set("initiator", initiator).occurredAt(at(minute)).ingest();
        }

        JsonPath phaseMetrics(String phase) {
            return given().queryParam("from", from.toString()).queryParam("to", to.toString())
                    .get("/api/v1/journeys/phases/" + phase + "/metrics").then().statusCode(200).extract().jsonPath().using(decimals());
        }
    }
}
