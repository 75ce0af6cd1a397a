package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.PROBLEM_JSON;
import static dev.kreis.app.modules.sales.SalesApi.body;
import static dev.kreis.app.modules.sales.SalesApi.deal;
import static dev.kreis.app.modules.sales.SalesApi.email;
import static dev.kreis.app.modules.sales.SalesApi.lead;
import static dev.kreis.app.modules.sales.SalesApi.patch;
import static dev.kreis.app.modules.sales.SalesApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code /api/v1/sales/deals}: stages with history, closing as won or lost (final), touchpoints, bad input, permissions. */
@QuarkusTest
class DealApiTest {

    @BeforeEach
    void salesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
    }

    @Test
    void aDealMovesThroughTheStagesIsWonAndThenIsFinal() {
        UUID customer = SalesApi.customer();
        String id = post("/deals", body("customerId", customer.toString(), "name", "Rollout", "amount", 12000, "expectedCloseOn", "2031-03-31"))
                .then().statusCode(201).body("stage", equalTo("prospecting")).body("customerId", equalTo(customer.toString()))
                .body("expectedCloseOn", equalTo("2031-03-31")).body("history.stage", contains("prospecting"))
                .body("closedAt", equalTo(null)).extract().jsonPath().getString("id");

        patch("/deals/" + id, body("stage", "proposal", "amount", 15000.5)).then().statusCode(200).body("stage", equalTo("proposal"))
                .body("amount", equalTo(15000.5f));
        patch("/deals/" + id, body("name", "Rollout EU")).then().statusCode(200).body("history.stage", contains("prospecting", "proposal"));
        patch("/deals/" + id, body("stage", "won", "wonReason", "best integration")).then().statusCode(200).body("stage", equalTo("won"))
                .body("closedAt", notNullValue()).body("wonReason", equalTo("best integration"));

        given().get("/api/v1/sales/deals/" + id + "/history").then().statusCode(200)
                .body("items.stage", contains("prospecting", "proposal", "won")).body("items[2].changedBy", notNullValue());
        patch("/deals/" + id, body("name", "Renamed")).then().statusCode(409).contentType(PROBLEM_JSON);
        patch("/deals/" + id, body("stage", "lost", "lostReason", "changed mind")).then().statusCode(409);
        List<String> types = SalesApi.timelineTypes(customer);
        assertTrue(types.contains("sales.deal_created") && types.contains("sales.deal_won"), types.toString());
    }

    @Test
    void aLostDealNeedsItsReasonAndRecordsDealLost() {
        UUID customer = SalesApi.customer();
        String id = deal(customer, "500");
        patch("/deals/" + id, body("stage", "lost")).then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("lostReason"));
        String openedAt = SalesApi.get("/deals/" + id).getString("openedAt");
        patch("/deals/" + id, body("stage", "lost", "lostReason", "budget cut", "closedAt", openedAt)).then().statusCode(200)
                .body("lostReason", equalTo("budget cut")).body("closedAt", equalTo(openedAt));
        assertTrue(SalesApi.timelineTypes(customer).contains("sales.deal_lost"));
        patch("/deals/" + id, body("stage", "negotiation")).then().statusCode(409);
    }

    @Test
    void aDealForALeadGoesToItsCustomerAndConvertsIt() {
        String lead = lead(email());
        String leadCustomer = SalesApi.get("/leads/" + lead).getString("customerId");

        post("/deals", body("leadId", lead, "name", "From lead", "amount", 0)).then().statusCode(201).body("leadId", equalTo(lead))
                .body("customerId", equalTo(leadCustomer));
        assertEquals("converted", SalesApi.get("/leads/" + lead).getString("status"));
        post("/deals", body("leadId", lead, "customerId", SalesApi.customer().toString(), "name", "Mismatch", "amount", 1)).then().statusCode(422)
                .body("errors.field", hasItem("leadId"));
    }

    @Test
    void aDealRecordedAsWonAtCreationKeepsItsTimes() {
        UUID customer = SalesApi.customer();
        JsonPath deal = post("/deals", body("customerId", customer.toString(), "name", "Imported", "amount", 99, "stage", "won",
                "openedAt", "2020-01-01T10:00:00Z", "closedAt", "2020-02-01T10:00:00Z")).then().statusCode(201).extract().jsonPath();
        assertEquals("2020-01-01T10:00:00Z", deal.getString("openedAt"));
        assertEquals("2020-02-01T10:00:00Z", deal.getString("closedAt"));
        assertEquals(List.of("won"), deal.getList("history.stage"));
    }

    @Test
    void theListFiltersByStageAndCustomer() {
        UUID customer = SalesApi.customer();
        String a = deal(customer, "1");
        String b = deal(customer, "2");
        patch("/deals/" + b, body("stage", "negotiation")).then().statusCode(200);

        given().queryParam("customerId", customer.toString()).get("/api/v1/sales/deals").then().statusCode(200).body("items.id", contains(b, a));
        given().queryParam("customerId", customer.toString()).queryParam("stage", "negotiation").get("/api/v1/sales/deals").then()
                .statusCode(200).body("items.id", contains(b));
        JsonPath first = given().queryParam("customerId", customer.toString()).queryParam("limit", 1).get("/api/v1/sales/deals").then()
                .statusCode(200).body("items.id", contains(b)).extract().jsonPath();
        given().queryParam("customerId", customer.toString()).queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/sales/deals").then().statusCode(200).body("items.id", contains(a)).body("nextCursor", equalTo(null));
        given().queryParam("stage", "won").queryParam("limit", 5).get("/api/v1/sales/deals").then().statusCode(200)
                .body("items.stage", everyItem(equalTo("won")));
    }

    @Test
    void badInputIsNamed() {
        String customer = SalesApi.customer().toString();
        post("/deals", body("name", "No one", "amount", 1)).then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("customerId"));
        post("/deals", body("customerId", customer, "amount", 1)).then().statusCode(422).body("errors.field", hasItem("name"));
        post("/deals", body("customerId", customer, "name", "x")).then().statusCode(422).body("errors.field", hasItem("amount"));
        post("/deals", body("customerId", customer, "name", "x", "amount", -1)).then().statusCode(422).body("errors.field", hasItem("amount"));
        post("/deals", body("customerId", customer, "name", "x", "amount", "lots")).then().statusCode(422).body("errors.field", hasItem("amount"));
        post("/deals", body("customerId", customer, "name", "x", "amount", 1, "stage", "closing")).then().statusCode(422)
                .body("errors.field", hasItem("stage"));
        post("/deals", body("customerId", customer, "name", "x", "amount", 1, "closedAt", SalesApi.now())).then().statusCode(422)
                .body("errors.field", hasItem("closedAt"));
        post("/deals", body("customerId", customer, "name", "x", "amount", 1, "stage", "lost")).then().statusCode(422)
                .body("errors.field", hasItem("lostReason"));
        post("/deals", body("customerId", customer, "name", "x", "amount", 1, "wonReason", "why not")).then().statusCode(422)
                .body("errors.field", hasItem("wonReason"));
        post("/deals", body("customerId", customer, "name", "x", "amount", 1, "expectedCloseOn", "next week")).then().statusCode(422)
                .body("errors.field", hasItem("expectedCloseOn"));
        post("/deals", body("customerId", customer, "name", "x", "amount", 1, "openedAt", "2999-01-01T00:00:00Z")).then().statusCode(422)
                .body("errors.field", hasItem("openedAt"));
        post("/deals", body("customerId", customer, "name", "x", "amount", 1, "stage", "won", "openedAt", "2020-02-01T00:00:00Z", "closedAt",
                "2020-01-01T00:00:00Z")).then().statusCode(422).body("errors.field", hasItem("closedAt"));
        post("/deals", body("customerId", UUID.randomUUID().toString(), "name", "x", "amount", 1)).then().statusCode(422)
                .body("errors.field", hasItem("customerId"));
        post("/deals", body("leadId", UUID.randomUUID().toString(), "name", "x", "amount", 1)).then().statusCode(422)
                .body("errors.field", hasItem("leadId"));
        post("/deals", body("customerId", "nope", "name", "x", "amount", 1)).then().statusCode(422).body("errors.field", hasItem("customerId"));
        String id = deal(UUID.fromString(customer), "1");
        patch("/deals/" + id, body("amount", null)).then().statusCode(422).body("errors.field", hasItem("amount"));
        patch("/deals/" + id, body("stage", "won", "closedAt", "1799-12-31T00:00:00Z")).then().statusCode(422).body("errors.field", hasItem("closedAt"));
        patch("/deals/" + id, body("probability", 50)).then().statusCode(422).body("errors.field", hasItem("probability"));
        patch("/deals/" + UUID.randomUUID(), body("name", "x")).then().statusCode(404);
        given().get("/api/v1/sales/deals/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("/api/v1/sales/deals/" + UUID.randomUUID() + "/history").then().statusCode(404);
        given().get("/api/v1/sales/deals/x").then().statusCode(400).body("errors.field", hasItem("id"));
        given().queryParam("stage", "closing").get("/api/v1/sales/deals").then().statusCode(400).body("errors.field", hasItem("stage"));
        given().queryParam("customerId", "x").get("/api/v1/sales/deals").then().statusCode(400).body("errors.field", hasItem("customerId"));
        given().queryParam("limit", 201).get("/api/v1/sales/deals").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "%%%").get("/api/v1/sales/deals").then().statusCode(400).body("errors.field", hasItem("cursor"));
        assertEquals(new BigDecimal("1.0000"), SalesApi.exact().get("/api/v1/sales/deals/" + id).then().extract().jsonPath()
                .getObject("amount", BigDecimal.class), "nothing of the refused changes was written");
    }

    @Test
    void viewersReadSalesWritesAndMarketingCannotWrite() {
        UUID customer = SalesApi.customer();
        String id = deal(customer, "10");
        Staff.as("viewer").get("/api/v1/sales/deals/" + id).then().statusCode(200);
        Staff.as("viewer").get("/api/v1/sales/deals/" + id + "/history").then().statusCode(200);
        Staff.as("support").get("/api/v1/sales/deals").then().statusCode(200);
        post(Staff.as("viewer"), "/deals", body("customerId", customer.toString(), "name", "x", "amount", 1)).then().statusCode(403)
                .contentType(PROBLEM_JSON);
        post(Staff.as("marketing"), "/deals", body("customerId", customer.toString(), "name", "x", "amount", 1)).then().statusCode(403);
        patch(Staff.as("marketing"), "/deals/" + id, body("stage", "proposal")).then().statusCode(403);
        patch(Staff.as("viewer"), "/deals/" + id, body("stage", "proposal")).then().statusCode(403);
        post(Staff.as("sales"), "/deals", body("customerId", customer.toString(), "name", "x", "amount", 1)).then().statusCode(201);
        patch(Staff.as("sales"), "/deals/" + id, body("stage", "proposal")).then().statusCode(200);
        post(Staff.as("integration"), "/deals", body("customerId", customer.toString(), "name", "x", "amount", 1)).then().statusCode(201);
    }
}
