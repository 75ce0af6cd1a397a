package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.PROBLEM_JSON;
import static dev.kreis.app.modules.sales.SalesApi.body;
import static dev.kreis.app.modules.sales.SalesApi.email;
import static dev.kreis.app.modules.sales.SalesApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import dev.kreis.spi.data.ModuleDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * install → use → uninstall (keep) → the API answers 404 → install → the data is back → uninstall (purge) → the
 * rows and the module's touchpoints are gone → install again.
 */
@QuarkusTest
class SalesLifecycleTest {
    static final List<String> TABLES = List.of("sal_lead", "sal_deal", "sal_deal_stage", "sal_order", "sal_subscription", "sal_subscription_event");

    @Inject
    ModuleDataSource data;

    long rows(String table) throws SQLException {
        try (Connection connection = data.get().getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void keepBringsEverythingBackAndPurgeRemovesRowsAndTouchpoints() throws SQLException {
        ModuleAdmin.ensureEnabled("sales");
        String lead = SalesApi.lead(email());
        UUID customer = UUID.fromString(SalesApi.get("/leads/" + lead).getString("customerId"));
        String deal = post("/deals", body("leadId", lead, "name", "Lifecycle", "amount", 700)).then().statusCode(201).extract().jsonPath()
                .getString("id");
        String order = SalesApi.order(customer, "80", SalesApi.now());
        String subscription = SalesApi.subscription(customer, "30", SalesApi.now());
        SalesApi.cancel(subscription, SalesApi.now());
        List<String> before = SalesApi.timelineTypes(customer);
        assertTrue(before.containsAll(List.of("sales.lead_created", "sales.deal_created", "revenue.order", "revenue.subscription_started",
                "revenue.subscription_cancelled")), before.toString());
        java.util.Map<String, Long> preview = ModuleAdmin.purgeRecords("sales");
        assertEquals(List.of("leads", "deals", "deal-stage-changes", "orders", "subscriptions", "subscription-events"), List.copyOf(preview.keySet()));
        assertEquals(List.of(rows("sal_lead"), rows("sal_deal"), rows("sal_deal_stage"), rows("sal_order"), rows("sal_subscription"),
                rows("sal_subscription_event")), List.copyOf(preview.values()), "the purge preview counts the rows a purge deletes");
        assertTrue(preview.values().stream().allMatch(count -> count > 0), preview.toString());
        try {
            ModuleAdmin.uninstall("sales", "keep");
            given().get("/api/v1/sales/leads/" + lead).then().statusCode(404).contentType(PROBLEM_JSON)
                    .body("detail", containsString("not installed"));
            given().get("/api/v1/sales/deals").then().statusCode(404).contentType(PROBLEM_JSON);
            post("/leads", body("email", email())).then().statusCode(404).contentType(PROBLEM_JSON);
            given().get("/api/v1/kpis").then().statusCode(200).body("key", not(hasItem("sales.win_rate")));

            ModuleAdmin.install("sales");
            given().get("/api/v1/sales/leads/" + lead).then().statusCode(200).body("customerId", equalTo(customer.toString()))
                    .body("status", equalTo("converted"));
            given().get("/api/v1/sales/deals/" + deal).then().statusCode(200).body("name", equalTo("Lifecycle"));
            given().get("/api/v1/sales/orders/" + order).then().statusCode(200).body("amount", equalTo(80f));
            JsonPath back = SalesApi.get("/subscriptions/" + subscription);
            assertEquals(List.of("started", "cancelled"), back.getList("history.kind"));
            assertEquals(before, SalesApi.timelineTypes(customer), "keep keeps the touchpoints");
            given().get("/api/v1/kpis").then().statusCode(200).body("key", hasItem("sales.win_rate"));

            ModuleAdmin.uninstall("sales", "purge");
            for (String table : TABLES) {
                assertEquals(0, rows(table), table);
            }
            // the platform purges touchpoints of the module's types and every touchpoint whose source is the module,
            // so the core-owned revenue.* touchpoints the module recorded go too
            List<String> after = SalesApi.timelineTypes(customer);
            assertTrue(after.stream().noneMatch(type -> type.startsWith("sales.") || type.startsWith("revenue.")), after.toString());

            ModuleAdmin.install("sales");
            assertTrue(ModuleAdmin.purgeRecords("sales").values().stream().allMatch(count -> count == 0), "nothing is left to purge");
            given().get("/api/v1/sales/leads/" + lead).then().statusCode(404).body("detail", containsString("does not exist"));
            given().get("/api/v1/sales/subscriptions/" + subscription).then().statusCode(404);
            String again = SalesApi.lead(email());
            given().get("/api/v1/sales/leads/" + again).then().statusCode(200);
        } finally {
            ModuleAdmin.ensureEnabled("sales");
        }
    }
}
