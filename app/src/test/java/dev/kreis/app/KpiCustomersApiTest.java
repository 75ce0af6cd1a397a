package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.exact;
import static dev.kreis.app.KpiData.ingest;
import static dev.kreis.app.KpiData.scored;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /api/v1/kpis/{key}/customers}: from a score KPI's value to the customers behind it, worst first. */
@QuarkusTest
class KpiCustomersApiTest {

    private static JsonPath customers(String key, LocalDate from, LocalDate to, String... params) {
        var request = exact().queryParam("from", from.toString()).queryParam("to", to.toString());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/v1/kpis/" + key + "/customers").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCustomersBehindNpsComeWorstMeanFirstWithTheirAnswersAndLatestScore() {
        LocalDate window = KpiData.freshWindow();
        UUID detractor = customer();
        UUID promoter = customer();
        UUID passive = customer();
        ingest(List.of(
                scored(detractor, "feedback.nps", 6, at(window.plusDays(1), 0)),
                scored(detractor, "feedback.nps", 2, at(window.plusDays(2), 0)),
                scored(promoter, "feedback.nps", 10, at(window.plusDays(3), 0)),
                scored(passive, "feedback.nps", 8, at(window.plusDays(4), 0)),
                scored(passive, "feedback.nps", 9, at(window.plusMonths(4), 0))));

        JsonPath page = customers("nps", window, window.plusMonths(1));

        assertEquals(List.of(detractor.toString(), passive.toString(), promoter.toString()), page.getList("items.customerId"));
        assertEquals(2, page.getInt("items[0].answers"));
        assertEquals(new BigDecimal("4.0000"), page.getObject("items[0].meanScore", BigDecimal.class));
        assertEquals(0, new BigDecimal("2").compareTo(page.getObject("items[0].lastScore", BigDecimal.class)), "the latest answer");
        assertEquals(1, page.getInt("items[1].answers"), "the answer after the period does not count");
        assertNotNull(page.get("items[0].displayName"));
        assertNotNull(page.get("items[0].lastAnsweredAt"));
        assertNull(page.get("nextCursor"));
    }

    @Test
    void theCursorWalksThroughEveryCustomerOnce() {
        LocalDate window = KpiData.freshWindow();
        List<UUID> expected = new ArrayList<>();
        List<java.util.Map<String, Object>> items = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            UUID id = customer();
            expected.add(id);
            items.add(scored(id, "feedback.csat", score, at(window.plusDays(score), 0)));
        }
        ingest(items);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = cursor == null ? customers("csat", window, window.plusMonths(1), "limit", "2")
                    : customers("csat", window, window.plusMonths(1), "limit", "2", "cursor", cursor);
            seen.addAll(page.getList("items.customerId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(expected.stream().map(UUID::toString).toList(), seen);
    }

    @Test
    void theFiltersOfTheKpiNarrowTheCustomers() {
        LocalDate window = KpiData.freshWindow();
        UUID support = customer();
        UUID core = customer();
        var supportAnswer = scored(support, "feedback.ces", 3, at(window.plusDays(1), 0));
        supportAnswer.put("phase", "retention");
        var coreAnswer = scored(core, "feedback.ces", 6, at(window.plusDays(1), 0));
        coreAnswer.put("phase", "purchase");
        ingest(List.of(supportAnswer, coreAnswer));

        assertEquals(List.of(support.toString()), customers("ces", window, window.plusMonths(1), "phase", "retention").getList("items.customerId"));
        assertEquals(List.of(core.toString()), customers("ces_share_easy", window, window.plusMonths(1), "phase", "purchase")
                .getList("items.customerId"));
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        String path = "/api/v1/kpis/nps/customers";
        exact().queryParam("from", "31.01.2031").get(path).then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", contains("from"));
        exact().queryParam("phase", "checkout").get(path).then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", contains("phase"));
        exact().queryParam("limit", "0").get(path).then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", contains("limit"));
        exact().queryParam("cursor", "forged").get(path).then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", contains("cursor"));
        exact().queryParam("segment", "kind:person").get(path).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("segment"));
        exact().get("/api/v1/kpis/churn_rate/customers").then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", contains("key"));
        exact().get("/api/v1/kpis/no_such_kpi/customers").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void viewersSeeTheCustomersBehindAKpiButIntegrationsMayNot() {
        String path = "/api/v1/kpis/nps/customers";
        Staff.as("viewer").get(path).then().statusCode(200);
        Staff.as("integration").get(path).then().statusCode(403).contentType(PROBLEM_JSON);
        io.restassured.RestAssured.given().auth().none().get(path).then().statusCode(401);
    }
}
