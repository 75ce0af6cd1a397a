package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.PROBLEM_JSON;
import static dev.kreis.app.modules.sales.SalesApi.body;
import static dev.kreis.app.modules.sales.SalesApi.order;
import static dev.kreis.app.modules.sales.SalesApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures;
import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /api/v1/sales/orders}: each order is a core revenue.order touchpoint; external ids are unique. */
@QuarkusTest
class OrderApiTest {

    @BeforeEach
    void salesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
    }

    @Test
    void anOrderIsStoredListedAndRecordedAsRevenueOrder() {
        UUID customer = SalesApi.customer();
        String externalId = "shop-" + Fixtures.unique();
        String id = post("/orders", body("customerId", customer.toString(), "amount", 249.9, "orderedAt", "2024-05-01T08:30:00Z", "externalId",
                externalId)).then().statusCode(201).body("externalId", equalTo(externalId)).body("amount", equalTo(249.9f))
                .body("orderedAt", equalTo("2024-05-01T08:30:00Z")).body("customerId", equalTo(customer.toString())).extract().jsonPath()
                .getString("id");
        String second = order(customer, "10", SalesApi.now());

        given().get("/api/v1/sales/orders/" + id).then().statusCode(200).body("externalId", equalTo(externalId));
        given().queryParam("customerId", customer.toString()).get("/api/v1/sales/orders").then().statusCode(200)
                .body("items.id", contains(second, id));
        assertTrue(SalesApi.timelineTypes(customer).contains("revenue.order"));
        post("/orders", body("customerId", customer.toString(), "amount", 1, "orderedAt", SalesApi.now(), "externalId", externalId)).then()
                .statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void badInputIsNamed() {
        String customer = SalesApi.customer().toString();
        String now = SalesApi.now();
        post("/orders", body("amount", 1, "orderedAt", now, "externalId", "x-" + Fixtures.unique())).then().statusCode(422)
                .contentType(PROBLEM_JSON).body("errors.field", hasItem("customerId"));
        post("/orders", body("customerId", customer, "amount", 0, "orderedAt", now, "externalId", "x-" + Fixtures.unique())).then()
                .statusCode(422).body("errors.field", hasItem("amount"));
        post("/orders", body("customerId", customer, "amount", -5, "orderedAt", now, "externalId", "x-" + Fixtures.unique())).then()
                .statusCode(422).body("errors.field", hasItem("amount"));
        post("/orders", body("customerId", customer, "amount", 5, "externalId", "x-" + Fixtures.unique())).then().statusCode(422)
                .body("errors.field", hasItem("orderedAt"));
        post("/orders", body("customerId", customer, "amount", 5, "orderedAt", "2999-01-01T00:00:00Z", "externalId", "x-" + Fixtures.unique()))
                .then().statusCode(422).body("errors.field", hasItem("orderedAt"));
        post("/orders", body("customerId", customer, "amount", 5, "orderedAt", now)).then().statusCode(422).body("errors.field", hasItem("externalId"));
        post("/orders", body("customerId", customer, "amount", 5, "orderedAt", now, "externalId", "x".repeat(101))).then().statusCode(422)
                .body("errors.field", hasItem("externalId"));
        post("/orders", body("customerId", UUID.randomUUID().toString(), "amount", 5, "orderedAt", now, "externalId", "x-" + Fixtures.unique()))
                .then().statusCode(422).body("errors.field", hasItem("customerId"));
        given().get("/api/v1/sales/orders/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("/api/v1/sales/orders/1").then().statusCode(400).body("errors.field", hasItem("id"));
        given().queryParam("customerId", "x").get("/api/v1/sales/orders").then().statusCode(400).body("errors.field", hasItem("customerId"));
        given().queryParam("limit", "ten").get("/api/v1/sales/orders").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "abc").get("/api/v1/sales/orders").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().queryParam("customerId", customer).get("/api/v1/sales/orders").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void viewersReadSalesWritesAndMarketingCannotWrite() {
        UUID customer = SalesApi.customer();
        String id = order(customer, "5", SalesApi.now());
        Staff.as("viewer").get("/api/v1/sales/orders/" + id).then().statusCode(200);
        Staff.as("cx-manager").get("/api/v1/sales/orders").then().statusCode(200);
        post(Staff.as("viewer"), "/orders", body("customerId", customer.toString(), "amount", 1, "orderedAt", SalesApi.now(), "externalId",
                "p-" + Fixtures.unique())).then().statusCode(403).contentType(PROBLEM_JSON);
        post(Staff.as("marketing"), "/orders", body("customerId", customer.toString(), "amount", 1, "orderedAt", SalesApi.now(), "externalId",
                "p-" + Fixtures.unique())).then().statusCode(403);
        post(Staff.as("sales"), "/orders", body("customerId", customer.toString(), "amount", 1, "orderedAt", SalesApi.now(), "externalId",
                "p-" + Fixtures.unique())).then().statusCode(201);
    }
}
