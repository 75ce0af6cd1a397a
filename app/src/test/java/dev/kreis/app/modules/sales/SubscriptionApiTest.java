package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.PROBLEM_JSON;
import static dev.kreis.app.modules.sales.SalesApi.at;
import static dev.kreis.app.modules.sales.SalesApi.body;
import static dev.kreis.app.modules.sales.SalesApi.cancel;
import static dev.kreis.app.modules.sales.SalesApi.four;
import static dev.kreis.app.modules.sales.SalesApi.post;
import static dev.kreis.app.modules.sales.SalesApi.subscription;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code /api/v1/sales/subscriptions}: start, MRR changes and cancellation with history, each a core revenue
 * touchpoint, so the core engine's NRR, GRR and churn come out of them. Every subscription a test starts is
 * cancelled before it ends: a customer left paying would sit in the revenue cohort of every later period.
 */
@QuarkusTest
class SubscriptionApiTest {

    @BeforeEach
    void salesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
    }

    @Test
    void aSubscriptionStartsChangesAndIsCancelledWithItsHistory() {
        UUID customer = SalesApi.customer();
        String id = subscription(customer, "100", "2024-01-01T00:00:00Z");
        post("/subscriptions/" + id + "/changes", body("mrr", 150, "at", "2024-02-01T00:00:00Z")).then().statusCode(200)
                .body("mrr", equalTo(150f)).body("status", equalTo("active"));
        post("/subscriptions/" + id + "/cancel", body("at", "2024-03-01T00:00:00Z", "reason", "moved to competitor")).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelledAt", equalTo("2024-03-01T00:00:00Z"))
                .body("cancelReason", equalTo("moved to competitor"));

        JsonPath one = SalesApi.get("/subscriptions/" + id);
        assertEquals(List.of("started", "changed", "cancelled"), one.getList("history.kind"));
        assertEquals(List.of("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"), one.getList("history.at"));
        given().queryParam("customerId", customer.toString()).queryParam("status", "cancelled").get("/api/v1/sales/subscriptions").then()
                .statusCode(200).body("items.id", contains(id));
        given().queryParam("customerId", customer.toString()).queryParam("status", "active").get("/api/v1/sales/subscriptions").then()
                .statusCode(200).body("items.size()", equalTo(0));
        List<String> types = SalesApi.timelineTypes(customer);
        assertTrue(types.containsAll(List.of("revenue.subscription_started", "revenue.subscription_changed", "revenue.subscription_cancelled")),
                types.toString());

        post("/subscriptions/" + id + "/changes", body("mrr", 10, "at", "2024-04-01T00:00:00Z")).then().statusCode(409).contentType(PROBLEM_JSON);
        post("/subscriptions/" + id + "/cancel", body("at", "2024-04-01T00:00:00Z")).then().statusCode(409);
    }

    /** A quarter of the nineteenth century in which no customer paid and nothing happened yet. */
    static LocalDate freshQuarter() {
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate start = LocalDate.of(1800 + ThreadLocalRandom.current().nextInt(100), 1 + 3 * ThreadLocalRandom.current().nextInt(4), 1);
            LocalDate end = start.plusMonths(3);
            JsonPath funnel = SalesApi.exact().queryParam("from", start.minusMonths(1).toString()).queryParam("to", end.toString())
                    .get("/api/v1/kpis/funnel/steps").then().statusCode(200).extract().jsonPath();
            long cohort = SalesApi.kpi("churn_rate", start, end).getLong("sampleSize");
            if (funnel.getLong("phases[0].customers") == 0 && cohort == 0) {
                return start;
            }
        }
        throw new IllegalStateException("no empty quarter found");
    }

    /**
     * A pays 100 from before the quarter and upgrades to 150 inside it; B pays 200 from before it and cancels inside
     * it. Cohort start MRR 300, end 150: NRR = 100 × 150 ÷ 300 = 50; GRR = 100 × (min(150, 100) + min(0, 200)) ÷ 300 =
     * 33.3333; churn: S 2, E 1, N 0 → lost 1 → 50 %.
     */
    @Test
    void aStartAChangeAndACancelGiveTheCoreNrrGrrAndChurn() {
        LocalDate start = freshQuarter();
        LocalDate end = start.plusMonths(3);
        UUID a = SalesApi.customer();
        UUID b = SalesApi.customer();
        String subA = subscription(a, "100", at(start.minusDays(10), 0));
        String subB = subscription(b, "200", at(start.minusDays(5), 0));
        post("/subscriptions/" + subA + "/changes", body("mrr", 150, "at", at(start.plusDays(10), 0))).then().statusCode(200);
        cancel(subB, at(start.plusDays(20), 0));
        try {
            JsonPath nrr = SalesApi.kpi("nrr", start, end);
            assertEquals(four("50"), nrr.getObject("value", java.math.BigDecimal.class));
            assertEquals(2, nrr.getInt("sampleSize"));
            assertEquals(four("33.3333"), SalesApi.value("grr", start, end));
            assertEquals(four("50"), SalesApi.value("churn_rate", start, end));
        } finally {
            cancel(subA, at(end.plusDays(5), 0));
        }
    }

    @Test
    void aSecondSubscriptionAddsToTheCustomersMrrAndCancellingOneLeavesTheOther() {
        LocalDate start = freshQuarter();
        LocalDate end = start.plusMonths(3);
        UUID c = SalesApi.customer();
        String first = subscription(c, "100", at(start.minusDays(10), 0));
        String second = subscription(c, "50", at(start.minusDays(9), 0));
        cancel(first, at(start.plusDays(3), 0));
        try {
            // start MRR 150 (both), end 50 (the second): NRR 33.3333, and the customer did not churn
            assertEquals(four("33.3333"), SalesApi.value("nrr", start, end));
            assertEquals(four("0"), SalesApi.value("churn_rate", start, end));
        } finally {
            cancel(second, at(end.plusDays(1), 0));
        }
    }

    @Test
    void badInputIsNamed() {
        String customer = SalesApi.customer().toString();
        post("/subscriptions", body("mrr", 10, "startedAt", SalesApi.now())).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("customerId"));
        post("/subscriptions", body("customerId", customer, "mrr", 0, "startedAt", SalesApi.now())).then().statusCode(422)
                .body("errors.field", hasItem("mrr"));
        post("/subscriptions", body("customerId", customer, "startedAt", SalesApi.now())).then().statusCode(422).body("errors.field", hasItem("mrr"));
        post("/subscriptions", body("customerId", customer, "mrr", 10)).then().statusCode(422).body("errors.field", hasItem("startedAt"));
        post("/subscriptions", body("customerId", customer, "mrr", 10, "startedAt", "soon")).then().statusCode(422)
                .body("errors.field", hasItem("startedAt"));
        post("/subscriptions", body("customerId", customer, "mrr", 10, "startedAt", SalesApi.now(), "plan", "p".repeat(101))).then().statusCode(422)
                .body("errors.field", hasItem("plan"));
        post("/subscriptions", body("customerId", UUID.randomUUID().toString(), "mrr", 10, "startedAt", SalesApi.now())).then().statusCode(422)
                .body("errors.field", hasItem("customerId"));
        String id = subscription(UUID.fromString(customer), "10", "2024-06-01T00:00:00Z");
        try {
            post("/subscriptions/" + id + "/changes", body("mrr", -1, "at", "2024-07-01T00:00:00Z")).then().statusCode(422)
                    .body("errors.field", hasItem("mrr"));
            post("/subscriptions/" + id + "/changes", body("mrr", 0, "at", "2024-07-01T00:00:00Z")).then().statusCode(422)
                    .body("errors.field", hasItem("mrr"));
            post("/subscriptions/" + id + "/changes", body("mrr", 20)).then().statusCode(422).body("errors.field", hasItem("at"));
            post("/subscriptions/" + id + "/changes", body("mrr", 20, "at", "2024-05-01T00:00:00Z")).then().statusCode(422)
                    .body("errors.field", hasItem("at"));
            post("/subscriptions/" + id + "/cancel", body("at", "2024-05-01T00:00:00Z")).then().statusCode(422).body("errors.field", hasItem("at"));
            post("/subscriptions/" + id + "/cancel", body("reason", "x")).then().statusCode(422).body("errors.field", hasItem("at"));
            post("/subscriptions/" + id + "/cancel", body("at", "2024-07-01T00:00:00Z", "reason", "r".repeat(501))).then().statusCode(422)
                    .body("errors.field", hasItem("reason"));
            post("/subscriptions/" + UUID.randomUUID() + "/changes", body("mrr", 20, "at", SalesApi.now())).then().statusCode(404);
            post("/subscriptions/" + UUID.randomUUID() + "/cancel", body("at", SalesApi.now())).then().statusCode(404);
            given().get("/api/v1/sales/subscriptions/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
            given().get("/api/v1/sales/subscriptions/zz").then().statusCode(400).body("errors.field", hasItem("id"));
            given().queryParam("status", "paused").get("/api/v1/sales/subscriptions").then().statusCode(400).body("errors.field", hasItem("status"));
            given().queryParam("limit", -1).get("/api/v1/sales/subscriptions").then().statusCode(400).body("errors.field", hasItem("limit"));
            assertEquals(List.of("started"), SalesApi.get("/subscriptions/" + id).getList("history.kind"), "nothing refused was written");
        } finally {
            cancel(id, "2024-08-01T00:00:00Z");
        }
    }

    @Test
    void viewersReadSalesWritesAndMarketingCannotWrite() {
        UUID customer = SalesApi.customer();
        String id = subscription(customer, "10", SalesApi.now());
        try {
            Staff.as("viewer").get("/api/v1/sales/subscriptions/" + id).then().statusCode(200);
            Staff.as("viewer").get("/api/v1/sales/subscriptions").then().statusCode(200);
            post(Staff.as("viewer"), "/subscriptions", body("customerId", customer.toString(), "mrr", 1, "startedAt", SalesApi.now())).then()
                    .statusCode(403).contentType(PROBLEM_JSON);
            post(Staff.as("marketing"), "/subscriptions", body("customerId", customer.toString(), "mrr", 1, "startedAt", SalesApi.now())).then()
                    .statusCode(403);
            post(Staff.as("marketing"), "/subscriptions/" + id + "/changes", body("mrr", 20, "at", SalesApi.now())).then().statusCode(403);
            post(Staff.as("viewer"), "/subscriptions/" + id + "/cancel", body("at", SalesApi.now())).then().statusCode(403);
            post(Staff.as("sales"), "/subscriptions/" + id + "/changes", body("mrr", 20, "at", SalesApi.now())).then().statusCode(200);
        } finally {
            post(Staff.as("sales"), "/subscriptions/" + id + "/cancel", body("at", SalesApi.now())).then().statusCode(200);
        }
    }
}
