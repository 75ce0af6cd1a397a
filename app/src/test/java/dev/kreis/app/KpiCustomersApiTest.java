package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.exact;
import static dev.kreis.app.KpiData.ingest;
import static dev.kreis.app.KpiData.revenue;
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

/** {@code GET /api/v1/kpis/{key}/customers}: from a per-customer KPI's value to the customers behind it, worst first. */
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
    void theCustomersBehindTheRevenueKpisAreTheCohortPayingAtTheStartLargestLossFirst() {
        LocalDate window = KpiData.freshWindow();
        UUID expanded = customer();
        UUID contracted = customer();
        UUID churned = customer();
        UUID unchanged = customer();
        UUID newcomer = customer();
        LocalDate before = window.minusDays(10);
        List<java.util.Map<String, Object>> items = new ArrayList<>();
        for (UUID paying : List.of(expanded, contracted, churned, unchanged)) {
            items.add(revenue(paying, "revenue.subscription_started", new BigDecimal("100"), at(before, 0)));
        }
        items.add(revenue(expanded, "revenue.subscription_changed", new BigDecimal("150"), at(window.plusDays(5), 0)));
        items.add(revenue(contracted, "revenue.subscription_changed", new BigDecimal("40"), at(window.plusDays(6), 0)));
        items.add(revenue(churned, "revenue.subscription_cancelled", BigDecimal.ZERO, at(window.plusDays(7), 0)));
        items.add(revenue(newcomer, "revenue.subscription_started", new BigDecimal("500"), at(window.plusDays(8), 0)));
        ingest(items);
        LocalDate to = window.plusMonths(3);

        for (String key : List.of("nrr", "grr", "churn_rate", "retention_rate", "clv")) {
            JsonPath page = customers(key, window, to);
            assertEquals(List.of(churned.toString(), contracted.toString(), unchanged.toString(), expanded.toString()),
                    page.getList("items.customerId"), key + ": the cohort, largest loss first, without the newcomer");
            assertEquals(List.of("churned", "contracted", "unchanged", "expanded"), page.getList("items.outcome"), key);
            assertEquals(List.of("revenue", "revenue", "revenue", "revenue"), page.getList("items.basis"), key);
        }
        JsonPath page = customers("nrr", window, to);
        assertEquals(0, new BigDecimal("100").compareTo(page.getObject("items[1].startMrr", BigDecimal.class)));
        assertEquals(0, new BigDecimal("40").compareTo(page.getObject("items[1].endMrr", BigDecimal.class)));
        assertEquals(0, BigDecimal.ZERO.compareTo(page.getObject("items[0].endMrr", BigDecimal.class)));
        assertNull(page.get("items[0].answers"));
        assertNull(page.get("items[0].orders"));
        assertEquals(KpiData.kpi("nrr", window, to).getLong("sampleSize"), page.getList("items").size(), "as many customers as the KPI's sample");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath next = cursor == null ? customers("churn_rate", window, to, "limit", "3")
                    : customers("churn_rate", window, to, "limit", "3", "cursor", cursor);
            seen.addAll(next.getList("items.customerId"));
            cursor = next.getString("nextCursor");
        } while (cursor != null);
        assertEquals(page.getList("items.customerId"), seen, "the cursor walks through the cohort once");
        assertEquals(List.of(), customers("nrr", window, to, "segment", "kind:organisation").getList("items"), "the segment filter applies");

        ingest(KpiData.cancellations(List.of(expanded, contracted, unchanged, newcomer), to.plusDays(1)));
    }

    @Test
    void theCustomersBehindTheRepurchaseRateAreThoseWhoOrderedFewestOrdersFirst() {
        LocalDate window = KpiData.freshWindow();
        UUID once = customer();
        UUID thrice = customer();
        UUID twice = customer();
        List<java.util.Map<String, Object>> items = new ArrayList<>();
        items.add(revenue(once, "revenue.order", new BigDecimal("20"), at(window.plusDays(1), 0)));
        for (int i = 0; i < 3; i++) {
            items.add(revenue(thrice, "revenue.order", new BigDecimal("10"), at(window.plusDays(2 + i), 0)));
        }
        items.add(revenue(twice, "revenue.order", new BigDecimal("5"), at(window.plusDays(3), 0)));
        items.add(revenue(twice, "revenue.order", new BigDecimal("7.5"), at(window.plusDays(4), 0)));
        items.add(revenue(once, "revenue.order", new BigDecimal("99"), at(window.plusMonths(4), 0)));
        ingest(items);

        JsonPath page = customers("repurchase_rate", window, window.plusMonths(1));

        assertEquals(List.of(once.toString(), twice.toString(), thrice.toString()), page.getList("items.customerId"));
        assertEquals(List.of(1, 2, 3), page.getList("items.orders", Integer.class), "the order after the period does not count");
        assertEquals(new BigDecimal("12.5000"), page.getObject("items[1].orderRevenue", BigDecimal.class));
        assertEquals("orders", page.getString("items[0].basis"));
        assertNull(page.get("items[0].startMrr"));
        assertEquals(List.of(), customers("repurchase_rate", window, window.plusMonths(1), "phase", "advocacy").getList("items"),
                "the phase filter applies to the orders");
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
        for (String key : List.of("average_order_value", "proactive_share", "peak_end_score", "funnel")) {
            exact().get("/api/v1/kpis/" + key + "/customers").then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", contains("key"));
        }
        exact().queryParam("phase", "retention").get("/api/v1/kpis/churn_rate/customers").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("phase"));
        exact().queryParam("module", "core").get("/api/v1/kpis/nrr/customers").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("module"));
        exact().queryParam("segment", "kind:robot").get("/api/v1/kpis/clv/customers").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("segment"));
        exact().get("/api/v1/kpis/no_such_kpi/customers").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void viewersSeeTheCustomersBehindAKpiButIntegrationsMayNot() {
        for (String key : List.of("nps", "churn_rate", "repurchase_rate")) {
            String path = "/api/v1/kpis/" + key + "/customers";
            Staff.as("viewer").get(path).then().statusCode(200);
            Staff.as("integration").get(path).then().statusCode(403).contentType(PROBLEM_JSON);
            io.restassured.RestAssured.given().auth().none().get(path).then().statusCode(401);
        }
    }
}
