package dev.kreis.app.modules.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.app.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Requests the support tests share: customers, tickets, holds and a customer's support touchpoints. */
final class SupportApi {
    static final String TICKETS = "/api/v1/support/tickets";
    static final String POLICIES = "/api/v1/support/sla-policies";
    static final String PROBLEM_JSON = "application/problem+json";

    private SupportApi() {
    }

    /** A new customer with a unique e-mail address. */
    static UUID customer() {
        Map<String, Object> body = Map.of("source", "support-test", "externalId", "ext-" + Fixtures.unique(), "kind", "person",
                "identifiers", List.of(Map.of("type", "email", "value", "sup." + Fixtures.unique() + "@example.com")),
                "attributes", Map.of("firstName", "Sam", "lastName", "Support"));
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/profiles").then().statusCode(201)
                .extract().jsonPath().getString("customerId"));
    }

    /** A ticket body with the required fields. */
    static Map<String, Object> ticket(UUID customerId, String priority) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId.toString());
        body.put("subject", "Invoice wrong " + Fixtures.unique());
        body.put("description", "The March invoice lists two seats, we have one.");
        body.put("channel", "email");
        body.put("priority", priority);
        return body;
    }

    static Response post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path);
    }

    static Response patch(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().patch(path);
    }

    /** Opens a ticket and answers it. */
    static JsonPath open(Map<String, Object> body) {
        return post(TICKETS, body).then().statusCode(201).extract().jsonPath();
    }

    static JsonPath open(UUID customerId, String priority) {
        return open(ticket(customerId, priority));
    }

    /** Opens a ticket at {@code openedAt}. */
    static String openAt(UUID customerId, String priority, Instant openedAt) {
        Map<String, Object> body = ticket(customerId, priority);
        body.put("openedAt", openedAt.toString());
        return open(body).getString("id");
    }

    static JsonPath get(String ticketId) {
        return given().get(TICKETS + "/" + ticketId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath respond(String ticketId, Instant at) {
        return post(TICKETS + "/" + ticketId + "/responses", at == null ? Map.of() : Map.of("respondedAt", at.toString())).then()
                .statusCode(200).extract().jsonPath();
    }

    static JsonPath resolve(String ticketId, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resolution", "Credited one seat.");
        if (at != null) {
            body.put("resolvedAt", at.toString());
        }
        return post(TICKETS + "/" + ticketId + "/resolve", body).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath contact(String ticketId, Instant at) {
        return post(TICKETS + "/" + ticketId + "/contacts", at == null ? Map.of() : Map.of("contactedAt", at.toString())).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The references of the customer's campaign holds placed by support. */
    static List<String> supportHolds(UUID customerId) {
        JsonPath holds = given().get("/api/v1/customers/" + customerId + "/holds").then().statusCode(200).extract().jsonPath();
        Object root = holds.get("$");
        String prefix = root instanceof List ? "" : "items.";
        List<String> out = new ArrayList<>();
        List<String> references = holds.getList(prefix + "reference");
        List<String> modules = holds.getList(prefix + "placedBy");
        List<String> scopes = holds.getList(prefix + "scope");
        for (int i = 0; i < references.size(); i++) {
            if ("support".equals(modules.get(i)) && "campaigns".equals(scopes.get(i))) {
                out.add(references.get(i));
            }
        }
        return out;
    }

    /** The reason of the customer's support hold for {@code ticketId}. */
    static String holdReason(UUID customerId, String ticketId) {
        JsonPath holds = given().get("/api/v1/customers/" + customerId + "/holds").then().statusCode(200).extract().jsonPath();
        Object root = holds.get("$");
        String prefix = root instanceof List ? "" : "items.";
        List<String> references = holds.getList(prefix + "reference");
        return holds.getList(prefix + "reason", String.class).get(references.indexOf(ticketId));
    }

    /** The customer's touchpoints from the support module, newest first: their JSON. */
    static JsonPath supportTouchpoints(UUID customerId) {
        return given().queryParam("module", "support").queryParam("limit", 500).get("/api/v1/customers/" + customerId + "/timeline").then()
                .statusCode(200).extract().jsonPath();
    }

    /** The types of the customer's support touchpoints, newest first. */
    static List<String> supportTypes(UUID customerId) {
        return supportTouchpoints(customerId).getList("items.type");
    }

    /** Puts a policy (for tests that rely on the defaults). */
    static void policy(String priority, int firstResponseMinutes, int resolutionMinutes) {
        given().contentType(ContentType.JSON).body(Map.of("firstResponseMinutes", firstResponseMinutes, "resolutionMinutes", resolutionMinutes))
                .put(POLICIES + "/" + priority).then().statusCode(200);
    }

    /** Puts the default policies back. */
    static void defaultPolicies() {
        policy("urgent", 30, 240);
        policy("high", 60, 480);
        policy("normal", 240, 1440);
        policy("low", 1440, 4320);
    }
}
