package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.PROBLEM_JSON;
import static dev.kreis.app.modules.sales.SalesApi.body;
import static dev.kreis.app.modules.sales.SalesApi.email;
import static dev.kreis.app.modules.sales.SalesApi.lead;
import static dev.kreis.app.modules.sales.SalesApi.patch;
import static dev.kreis.app.modules.sales.SalesApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code /api/v1/sales/leads}: leads join the unified customer, show a priority with its reason, change, and refuse bad input. */
@QuarkusTest
class LeadApiTest {

    @BeforeEach
    void salesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
    }

    @Test
    void aLeadJoinsTheCustomerWithItsEmailAndRecordsLeadCreated() {
        String anna = email();
        UUID customer = SalesApi.customer(anna);

        JsonPath created = post("/leads", body("email", anna.toUpperCase(), "firstName", "Anna", "lastName", "Berg", "company", "Berg GmbH",
                "source", "webinar")).then().statusCode(201)
                .body("status", equalTo("new")).body("email", equalTo(anna)).body("firstName", equalTo("Anna"))
                .body("company", equalTo("Berg GmbH")).body("source", equalTo("webinar"))
                .body("priority", equalTo("low")).body("priorityReason", equalTo("0 web visits in the last 14 days"))
                .body("createdAt", notNullValue()).extract().jsonPath();
        assertEquals(customer.toString(), created.getString("customerId"), "same e-mail, same customer");
        assertTrue(SalesApi.timelineTypes(customer).contains("sales.lead_created"));
        assertEquals(customer.toString(), SalesApi.get("/leads/" + created.getString("id")).getString("customerId"));
    }

    @Test
    void aLeadWithAPhoneOnlyIsAcceptedAndOneWithNeitherIsNot() {
        String phone = "+49 30 " + (1_000_000 + (int) (Math.random() * 8_000_000));
        post("/leads", body("phone", phone, "lastName", "Nur Telefon")).then().statusCode(201).body("phone", equalTo(phone))
                .body("email", nullValue()).body("customerId", notNullValue());
        post("/leads", body("firstName", "Nobody")).then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("email"));
    }

    @Test
    void changesKeepEmailOrPhoneAndAConvertedLeadKeepsItsStatus() {
        String id = lead(email());
        String phone = "+49 40 " + (1_000_000 + (int) (Math.random() * 8_000_000));

        patch("/leads/" + id, body("status", "qualified", "phone", phone, "company", null)).then().statusCode(200)
                .body("status", equalTo("qualified")).body("phone", equalTo(phone)).body("company", nullValue());
        patch("/leads/" + id, body("email", null)).then().statusCode(200).body("email", nullValue()).body("phone", equalTo(phone));
        patch("/leads/" + id, body("phone", null)).then().statusCode(422).body("errors.field", hasItem("phone"));
        patch("/leads/" + id, body("status", "converted")).then().statusCode(200);
        patch("/leads/" + id, body("status", "qualified")).then().statusCode(409).contentType(PROBLEM_JSON);
        assertEquals("converted", SalesApi.get("/leads/" + id).getString("status"));
    }

    @Test
    void theListFiltersByStatusAndPriorityAndPages() {
        String status = "disqualified";
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = lead(email());
            patch("/leads/" + id, body("status", status)).then().statusCode(200);
            mine.add(id);
        }
        given().queryParam("status", status).queryParam("priority", "low").queryParam("limit", 200).get("/api/v1/sales/leads").then()
                .statusCode(200).body("items.id", hasItems(mine.toArray(String[]::new)));
        // page through two at a time: every lead exactly once
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("status", status).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/sales/leads").then().statusCode(200).extract().jsonPath();
            assertTrue(page.getList("items").size() <= 2);
            seen.addAll(page.getList("items.id"));
            for (String s : page.<String>getList("items.status")) {
                assertEquals(status, s);
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(seen.size(), seen.stream().distinct().count());
        assertTrue(seen.containsAll(mine));
    }

    @Test
    void badInputIsNamed() {
        post("/leads", body("email", "not-an-address")).then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("email"));
        post("/leads", body("phone", "call me")).then().statusCode(422).body("errors.field", hasItem("phone"));
        post("/leads", body("email", email(), "status", "hot")).then().statusCode(422).body("errors.field", hasItem("status"));
        post("/leads", body("email", email(), "firstName", "x".repeat(101))).then().statusCode(422).body("errors.field", hasItem("firstName"));
        post("/leads", body("email", email(), "shoeSize", 42)).then().statusCode(422).body("errors.field", hasItem("shoeSize"));
        post("/leads", body("email", email(), "company", "  ")).then().statusCode(422).body("errors.field", hasItem("company"));
        given().contentType("application/json").body("[]").post("/api/v1/sales/leads").then().statusCode(400);
        given().queryParam("limit", 0).get("/api/v1/sales/leads").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("limit"));
        given().queryParam("priority", "urgent").get("/api/v1/sales/leads").then().statusCode(400).body("errors.field", hasItem("priority"));
        given().queryParam("status", "open").get("/api/v1/sales/leads").then().statusCode(400).body("errors.field", hasItem("status"));
        given().queryParam("cursor", "garbage").get("/api/v1/sales/leads").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().get("/api/v1/sales/leads/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
        given().get("/api/v1/sales/leads/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        patch("/leads/" + UUID.randomUUID(), body("status", "new")).then().statusCode(404);
        patch("/leads/" + lead(email()), body("status", null)).then().statusCode(422).body("errors.field", hasItem("status"));
    }

    @Test
    void viewersReadSalesWritesAndMarketingCannotWrite() {
        String id = lead(email());

        Staff.as("viewer").get("/api/v1/sales/leads/" + id).then().statusCode(200);
        Staff.as("viewer").get("/api/v1/sales/leads").then().statusCode(200);
        Staff.as("marketing").get("/api/v1/sales/leads/" + id).then().statusCode(200);
        post(Staff.as("viewer"), "/leads", body("email", email())).then().statusCode(403).contentType(PROBLEM_JSON);
        post(Staff.as("marketing"), "/leads", body("email", email())).then().statusCode(403);
        post(Staff.as("support"), "/leads", body("email", email())).then().statusCode(403);
        patch(Staff.as("viewer"), "/leads/" + id, body("status", "qualified")).then().statusCode(403);
        patch(Staff.as("marketing"), "/leads/" + id, body("status", "qualified")).then().statusCode(403);
        post(Staff.as("sales"), "/leads", body("email", email())).then().statusCode(201);
        patch(Staff.as("sales"), "/leads/" + id, body("status", "qualified")).then().statusCode(200);
        Staff.as("integration").get("/api/v1/sales/leads").then().statusCode(403);
        given().auth().none().get("/api/v1/sales/leads").then().statusCode(401);
    }
}
