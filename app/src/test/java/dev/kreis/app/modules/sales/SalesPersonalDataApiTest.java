package dev.kreis.app.modules.sales;

import static dev.kreis.app.modules.sales.SalesApi.PROBLEM_JSON;
import static dev.kreis.app.modules.sales.SalesApi.body;
import static dev.kreis.app.modules.sales.SalesApi.email;
import static dev.kreis.app.modules.sales.SalesApi.patch;
import static dev.kreis.app.modules.sales.SalesApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The customer's export carries the sales data; erasure blanks the lead's personal fields and keeps the amounts. */
@QuarkusTest
class SalesPersonalDataApiTest {

    @BeforeEach
    void salesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
    }

    @Test
    void exportShowsLeadsDealsOrdersAndSubscriptionsAndErasureKeepsOnlyAmounts() {
        String mail = email();
        UUID customer = SalesApi.customer(mail);
        String lead = post("/leads", body("email", mail, "firstName", "Erika", "lastName", "Muster", "company", "Muster AG")).then()
                .statusCode(201).extract().jsonPath().getString("id");
        String deal = post("/deals", body("leadId", lead, "name", "Muster AG rollout", "amount", 1234, "stage", "lost", "lostReason",
                "Erika chose a rival")).then().statusCode(201).extract().jsonPath().getString("id");
        String order = SalesApi.order(customer, "42", SalesApi.now());
        String subscription = SalesApi.subscription(customer, "15", SalesApi.now());
        post("/subscriptions/" + subscription + "/cancel", body("at", SalesApi.now(), "reason", "Erika moved")).then().statusCode(200);

        JsonPath export = given().get("/api/v1/customers/" + customer + "/export").then().statusCode(200).extract().jsonPath();
        String sales = "modules.sales.'" + customer + "'";
        assertEquals(List.of(mail), export.getList(sales + ".leads.email"));
        assertEquals(List.of("Muster AG"), export.getList(sales + ".leads.company"));
        assertEquals(List.of(deal), export.getList(sales + ".deals.id"));
        assertEquals(List.of("lost"), export.getList(sales + ".deals[0].history.stage"));
        assertEquals(List.of(order), export.getList(sales + ".orders.id"));
        assertEquals(List.of("started", "cancelled"), export.getList(sales + ".subscriptions[0].events.kind"));

        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + customer + "/erase").then().statusCode(201);

        given().get("/api/v1/sales/leads/" + lead).then().statusCode(200).body("email", nullValue()).body("firstName", nullValue())
                .body("lastName", nullValue()).body("company", nullValue()).body("erased", equalTo(true)).body("customerId", nullValue())
                .body("priority", equalTo("low"));
        given().get("/api/v1/sales/deals/" + deal).then().statusCode(200).body("name", equalTo("[erased]")).body("lostReason", equalTo("[erased]"))
                .body("amount", equalTo(1234f)).body("stage", equalTo("lost"));
        given().get("/api/v1/sales/orders/" + order).then().statusCode(200).body("amount", equalTo(42f));
        given().get("/api/v1/sales/subscriptions/" + subscription).then().statusCode(200).body("cancelReason", equalTo("[erased]"))
                .body("history[1].reason", equalTo("[erased]")).body("mrr", equalTo(15f));
        patch("/leads/" + lead, body("status", "qualified")).then().statusCode(409);
    }

    @Test
    void dealsAndSubscriptionsOfAnErasedCustomerCannotChange() {
        String mail = email();
        UUID customer = SalesApi.customer(mail);
        String deal = SalesApi.deal(customer, "500");
        String subscription = SalesApi.subscription(customer, "15", SalesApi.now());
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + customer + "/erase").then().statusCode(201);

        for (Response write : List.of(patch("/deals/" + deal, body("name", "Call " + mail)),
                patch("/deals/" + deal, body("stage", "won")),
                post("/subscriptions/" + subscription + "/changes", body("mrr", 20, "at", SalesApi.now())),
                post("/subscriptions/" + subscription + "/cancel", body("at", SalesApi.now(), "reason", "Mail " + mail)))) {
            write.then().statusCode(409).contentType(PROBLEM_JSON).body("type", equalTo("https://kreis.dev/problems/customer-erased"))
                    .body("errors.field", contains("id"));
        }
        given().get("/api/v1/sales/deals/" + deal).then().body("name", equalTo("[erased]")).body("stage", equalTo("prospecting"));
        post("/deals", body("customerId", customer.toString(), "name", "New", "amount", 1)).then().statusCode(422)
                .body("errors.field", contains("customerId"));
    }

    @Test
    void dataKeptByAnUninstallIsStillExportedAndErased() {
        String mail = email();
        UUID customer = SalesApi.customer(mail);
        String lead = post("/leads", body("email", mail, "lastName", "Kept")).then().statusCode(201).extract().jsonPath().getString("id");
        try {
            ModuleAdmin.uninstall("sales", "keep");
            JsonPath export = given().get("/api/v1/customers/" + customer + "/export").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(lead), export.getList("modules.sales.'" + customer + "'.leads.id"));
            given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + customer + "/erase").then().statusCode(201);
        } finally {
            ModuleAdmin.ensureEnabled("sales");
        }
        given().get("/api/v1/sales/leads/" + lead).then().statusCode(200).body("email", nullValue()).body("lastName", nullValue())
                .body("erased", equalTo(true));
    }
}
