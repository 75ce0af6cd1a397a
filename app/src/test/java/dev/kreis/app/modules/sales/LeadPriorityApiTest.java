package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.email;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A lead's priority rises with the web visits (marketing.web_visit touchpoints, the marketing module's type) its
 * customer made in the last 14 days, and the list puts high priority first.
 */
@QuarkusTest
class LeadPriorityApiTest {

    @BeforeEach
    void salesAndMarketingInstalled() {
        ModuleAdmin.ensureEnabled("sales");
        // marketing.web_visit belongs to the marketing module: while it is not installed the type is refused
        ModuleAdmin.ensureEnabled("marketing");
    }

    static void visit(UUID customer, Duration ago) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "sales-test");
        body.put("externalId", "visit-" + Fixtures.unique());
        body.put("customerId", customer.toString());
        body.put("type", "marketing.web_visit");
        body.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minus(ago).toString());
        given().contentType(ContentType.JSON).body(body).post("/api/v1/touchpoints").then().statusCode(201);
    }

    @Test
    void priorityRisesWithRecentWebVisitsAndTheReasonSaysWhy() {
        String lead = SalesApi.lead(email());
        UUID customer = UUID.fromString(SalesApi.get("/leads/" + lead).getString("customerId"));
        given().get("/api/v1/sales/leads/" + lead).then().body("priority", equalTo("low"))
                .body("priorityReason", equalTo("0 web visits in the last 14 days"));

        visit(customer, Duration.ofDays(20)); // outside the window
        visit(customer, Duration.ofDays(13));
        visit(customer, Duration.ofDays(2));
        visit(customer, Duration.ofHours(5));
        given().get("/api/v1/sales/leads/" + lead).then().body("priority", equalTo("medium")).body("webVisits", equalTo(3))
                .body("priorityReason", equalTo("3 web visits in the last 14 days"));

        for (int i = 1; i <= 4; i++) {
            visit(customer, Duration.ofMinutes(10 * i));
        }
        given().get("/api/v1/sales/leads/" + lead).then().body("priority", equalTo("high"))
                .body("priorityReason", equalTo("7 web visits in the last 14 days"));

        JsonPath high = given().queryParam("priority", "high").queryParam("limit", 200).get("/api/v1/sales/leads").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(high.getList("items.id").contains(lead));
        for (String level : high.<String>getList("items.priority")) {
            assertEquals("high", level);
        }
        // unfiltered: highest priority first
        List<String> levels = given().queryParam("limit", 200).get("/api/v1/sales/leads").then().statusCode(200).extract().jsonPath()
                .getList("items.priority");
        List<String> order = List.of("high", "medium", "low");
        for (int i = 1; i < levels.size(); i++) {
            assertTrue(order.indexOf(levels.get(i - 1)) <= order.indexOf(levels.get(i)), levels.toString());
        }
    }
}
