package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.touchpointForEmail;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** {@code GET /api/v1/customers/{id}/export}: everything Kreis holds about a customer, in one document. */
@QuarkusTest
class ExportApiTest {

    @Inject
    TestModuleData moduleData;

    @Test
    void theExportHoldsEverySectionWithTheDataOfTheCustomer() {
        String lastName = "Exportmann" + unique();
        String mail = email();
        String otherMail = email();
        String company = "Zyxqwer " + unique() + " GmbH";
        Created anna = person("crm").name("Anna", lastName).attribute("city", "Berlin").attribute("company", company).email(mail)
                .phone(Fixtures.berlinPhone()).create();
        UUID other = UUID.fromString(touchpointForEmail(otherMail).source("shop").set("payload", Map.of("note", "first order"))
                .post().then().statusCode(201).extract().jsonPath().getString("customerId"));
        postJson("/api/v1/customers/" + anna.customerId() + "/merge", Map.of("customerIds", List.of(other))).then().statusCode(200);
        Created lookalike = person("support").name("Anna", lastName.replace("Exportmann", "Exporttmann")).attribute("company", company)
                .email(email()).create();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            batch.add(touchpointFor(anna.customerId()).source("crm").json());
        }
        postJson("/api/v1/touchpoints/batch", Map.of("items", batch)).then().statusCode(200).body("accepted", equalTo(600));
        ConsentApiTest.put(anna.customerId(), ConsentApiTest.decision("marketing", "email", "granted", "2025-01-01T00:00:00Z"))
                .then().statusCode(200);
        String survey = SurveyApiTest.survey("nps");
        String token = SurveyApiTest.invite(survey, anna.customerId()).getString("token");
                moduleData.put(anna.customerId(), Map.of("campaigns", List.of("spring")));
        moduleData.put(other, Map.of("newsletterAddress", otherMail));

        JsonPath export = given().get("/api/v1/customers/" + anna.customerId() + "/export").then().statusCode(200).extract().jsonPath();

        assertNotNull(export.getString("exportedAt"));
        assertEquals(anna.customerId().toString(), export.getString("customerId"));
        assertEquals(List.of(anna.customerId().toString(), other.toString()), export.getList("customerIds"));
        assertEquals("Berlin", export.getString("customer.attributes.city.value"));
        assertEquals("crm", export.getString("customer.attributes.city.source"));
        assertEquals(anna.profileId().toString(), export.getString("customer.attributes.city.profileId"));
        assertEquals(2, export.getList("profiles").size());
        assertEquals(lastName, export.getString("profiles.find { it.source == 'crm' }.attributes.lastName.value"));
        assertTrue(export.getList("profiles.find { it.source == 'crm' }.identifiers.value").contains(mail));
        assertEquals(List.of(otherMail), export.getList("profiles.find { it.source == 'shop' }.identifiers.value"));
        assertEquals(601, export.getList("touchpoints").size(), "every page of the timeline");
        assertEquals("first order", export.getString("touchpoints.find { it.source == 'shop' }.payload.note"));
        assertEquals(List.of("granted"), export.getList("consents.status"));
        assertEquals("admin", export.getString("identityHistory.find { it.kind == 'merge' }.actor"));
        assertTrue(export.getList("mergeSuggestions.customerIds.flatten()").contains(lookalike.customerId().toString()));
        assertEquals(List.of(survey), export.getList("surveyInvitations.surveyId"));
        assertTrue(!export.prettify().contains(token), "the invitation's token is a credential and not exported");
                assertTrue(export.getList("auditEntries.action").containsAll(List.of("customer.merged", "consent.changed")));
        assertEquals(List.of("spring"), export.getList("modules.'test-module'.'" + anna.customerId() + "'.campaigns"));
        assertEquals(otherMail, export.getString("modules.'test-module'.'" + other + "'.newsletterAddress"));

        given().queryParam("action", "customer.exported").queryParam("targetId", anna.customerId().toString()).get("/api/v1/audit")
                .then().statusCode(200).body("items.actor", contains("admin"))
                .body("items[0].after.touchpoints", equalTo(601)).body("items[0].after.modules", hasItem("test-module"));
        given().get("/api/v1/customers/" + anna.customerId() + "/export").then().statusCode(200)
                .body("auditEntries.action", hasItem("customer.exported"));
    }

    @Test
    void anExportByAMergedIdIsTheSurvivorsExport() {
        Created anna = person("crm").email(email()).create();
        Created other = person("shop").email(email()).create();
        postJson("/api/v1/customers/" + anna.customerId() + "/merge", Map.of("customerIds", List.of(other.customerId()))).then().statusCode(200);

        given().get("/api/v1/customers/" + other.customerId() + "/export").then().statusCode(200)
                .body("customerId", equalTo(anna.customerId().toString()))
                .body("profiles.id", hasItems(anna.profileId().toString(), other.profileId().toString()));
    }

    @Test
    void unknownCustomersAre404AndMalformedIds400() {
        given().get("/api/v1/customers/" + UUID.randomUUID() + "/export").then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("/api/v1/customers/nope/export").then().statusCode(400).body("errors.field", contains("id"));
    }

    @Test
    void onlyAdminsAndCxManagersExport() {
        Created anna = person("crm").email(email()).create();

        Staff.as("cx-manager").get("/api/v1/customers/" + anna.customerId() + "/export").then().statusCode(200);
        for (String role : List.of("viewer", "marketing", "sales", "support", "integration")) {
            Staff.as(role).get("/api/v1/customers/" + anna.customerId() + "/export").then().statusCode(403).contentType(PROBLEM_JSON);
        }
        given().auth().none().get("/api/v1/customers/" + anna.customerId() + "/export").then().statusCode(401);
        given().queryParam("action", "customer.exported").queryParam("targetId", anna.customerId().toString()).get("/api/v1/audit")
                .then().body("items.actor", contains(Staff.username("cx-manager")));
    }
}
