package dev.kreis.app.modules.support;

import static dev.kreis.app.modules.support.SupportApi.POLICIES;
import static dev.kreis.app.modules.support.SupportApi.PROBLEM_JSON;
import static dev.kreis.app.modules.support.SupportApi.TICKETS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The support module's request records are one declaration for the document, the validation and the messages: what
 * {@code /q/openapi} says about a request is what the server enforces, and a fault names the field with the rule it broke.
 */
@QuarkusTest
class SupportApiContractTest {
    @BeforeEach
    void enabled() {
        ModuleAdmin.ensureEnabled("support");
    }

    @Test
    void faultsNameTheFieldWithTheRuleItBroke() {
        UUID customer = SupportApi.customer();
        Map<String, Object> body = SupportApi.ticket(customer, "asap");
        assertError(SupportApi.post(TICKETS, body).then().statusCode(422).contentType(PROBLEM_JSON).extract().jsonPath(), "priority",
                "must be one of low, normal, high, urgent");
        body = SupportApi.ticket(customer, "high");
        body.put("severity", 3);
        assertError(SupportApi.post(TICKETS, body).then().statusCode(422).extract().jsonPath(), "severity",
                "is not a field of this request; known: channel, customerId, description, openedAt, priority, proactive, subject");
        body = SupportApi.ticket(customer, "high");
        body.put("customerId", "nope");
        assertError(SupportApi.post(TICKETS, body).then().statusCode(422).extract().jsonPath(), "customerId", "must be an id (UUID)");
        body = SupportApi.ticket(customer, "high");
        body.put("subject", "x".repeat(201));
        assertError(SupportApi.post(TICKETS, body).then().statusCode(422).extract().jsonPath(), "subject", "must be 1 to 200 characters");
        JsonPath missing = SupportApi.post(TICKETS, Map.of("subject", "Hello")).then().statusCode(422).extract().jsonPath();
        assertError(missing, "customerId", "is required");
        assertError(missing, "channel", "is required");
        assertError(given().contentType(ContentType.JSON).body(Map.of("firstResponseMinutes", "60", "resolutionMinutes", 100))
                .put(POLICIES + "/low").then().statusCode(422).extract().jsonPath(), "firstResponseMinutes", "must be a whole number");
        assertError(given().contentType(ContentType.JSON).body(Map.of("firstResponseMinutes", 0, "resolutionMinutes", 100))
                .put(POLICIES + "/low").then().statusCode(422).extract().jsonPath(), "firstResponseMinutes", "must be a whole number from 1 to 43200");
    }

    @Test
    void theDocumentShowsTheRequestRecordsRulesAndTheCreatedTicketsLocation() {
        JsonPath document = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("createTicket", document.getString("paths.'/api/v1/support/tickets'.post.operationId"));
        assertEquals(List.of("customerId", "subject", "channel"), document.getList("components.schemas.OpenTicketRequest.required"));
        assertEquals(List.of("web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other"),
                document.getList("components.schemas.OpenTicketRequest.properties.channel.enum"));
        assertEquals(200, document.getInt("components.schemas.OpenTicketRequest.properties.subject.maxLength"));
        assertNotNull(document.get("paths.'/api/v1/support/tickets'.post.responses.'201'.headers.Location"));
        assertEquals(43200, document.getInt("components.schemas.SlaPolicyRequest.properties.firstResponseMinutes.maximum"));
        assertEquals(List.of("items", "nextCursor"), document.getList("components.schemas.TicketPage.required"));
    }

    private static void assertError(JsonPath problem, String field, String message) {
        List<Map<String, String>> errors = problem.getList("errors");
        assertTrue(errors.contains(Map.of("field", field, "message", message)), field + ": " + message + " in " + problem.prettify());
    }
}
