package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** {@code GET /api/v1/audit}: who changed what, newest first; every audited action leaves an entry with its real actor. */
@QuarkusTest
class AuditApiTest {

    private static JsonPath entries(String action, Object targetId) {
        RequestSpecification request = given().queryParam("action", action);
        if (targetId != null) {
            request.queryParam("targetId", targetId.toString());
        }
        return request.get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void mergesAndSplitsAreAuditedWithTheCallerAsActor() {
        Created anna = person("crm").email(email()).create();
        Created other = person("shop").email(email()).create();
        String manager = Staff.username("cx-manager");

        Staff.as("cx-manager").contentType(ContentType.JSON).body(Map.of("customerIds", List.of(other.customerId())))
                .post("/api/v1/customers/" + anna.customerId() + "/merge").then().statusCode(200);
        Staff.as("cx-manager").contentType(ContentType.JSON).body(Map.of("profileIds", List.of(other.profileId())))
                .post("/api/v1/customers/" + anna.customerId() + "/split").then().statusCode(200);

        JsonPath merged = entries("customer.merged", anna.customerId());
        assertEquals(List.of(manager), merged.getList("items.actor"));
        assertEquals("customer", merged.getString("items[0].targetType"));
        assertEquals(List.of(anna.customerId().toString(), other.customerId().toString()), merged.getList("items[0].before.customerId"));
        assertEquals(List.of(anna.profileId().toString(), other.profileId().toString()), merged.getList("items[0].after[0].profileIds"));
        JsonPath split = entries("customer.split", anna.customerId());
        assertEquals(List.of(manager), split.getList("items.actor"));
        assertEquals(other.customerId().toString(), split.getString("items[0].after[1].customerId"));
        given().get("/api/v1/customers/" + anna.customerId() + "/identity-history").then().statusCode(200)
                .body("actor", contains(manager, manager));
    }

    @Test
    void automaticMergesAreAuditedAsIdentityResolution() {
        String first = email();
        String second = email();
        Created anna = person("crm").email(first).create();
        Created other = person("shop").email(second).create();

        person("web-form").email(first).email(second).create();

        JsonPath merged = entries("customer.auto-merged", anna.customerId());
        assertEquals(List.of("identity-resolution"), merged.getList("items.actor"));
        assertEquals(other.customerId().toString(), merged.getString("items[0].before[1].customerId"));
    }

    @Test
    void survivorshipChangesAreAuditedWithThePoliciesBeforeAndAfter() {
        Map<?, ?> current = given().get("/api/v1/survivorship").then().statusCode(200).extract().as(Map.class);
        String attribute = "audited" + unique();
        Map<String, Object> changed = Map.of("defaultPolicy", current.get("defaultPolicy"),
                "attributes", Map.of(attribute, Map.of("strategy", "first_non_empty")));
        try {
            given().contentType(ContentType.JSON).body(changed).put("/api/v1/survivorship").then().statusCode(200);

            JsonPath entry = entries("survivorship.replaced", null);
            assertEquals("admin", entry.getString("items[0].actor"));
            assertEquals("first_non_empty", entry.getString("items[0].after.attributes." + attribute + ".strategy"));
            assertNull(entry.get("items[0].before.attributes." + attribute));
        } finally {
            given().contentType(ContentType.JSON).body(current).put("/api/v1/survivorship").then().statusCode(200);
        }
    }

    @Test
    void dismissalsAndConsentChangesAreAudited() {
        String surname = "Auditor" + unique();
        Created anna = person("crm").name("Anna", surname).email(email()).create();
        Created twin = person("shop").name("Anna", surname).email(email()).create();
        String suggestion = given().get("/api/v1/customers/" + anna.customerId() + "/export").jsonPath()
                .getString("mergeSuggestions.find { it.customerIds.contains('" + twin.customerId() + "') }.id");
        assertNotNull(suggestion, "the twins were suggested");

        Staff.as("cx-manager").post("/api/v1/merge-suggestions/" + suggestion + "/dismiss").then().statusCode(200);
        ConsentApiTest.put(Staff.as("marketing"), anna.customerId(),
                List.of(ConsentApiTest.decision("marketing", "email", "withdrawn", "2025-01-01T00:00:00Z"))).then().statusCode(200);

        JsonPath dismissed = entries("merge-suggestion.dismissed", suggestion);
        assertEquals(List.of(Staff.username("cx-manager")), dismissed.getList("items.actor"));
        assertEquals("open", dismissed.getString("items[0].before.status"));
        assertEquals("dismissed", dismissed.getString("items[0].after.status"));
        assertTrue(!dismissed.prettify().toLowerCase().contains(surname.toLowerCase()), "the entry quotes no names");
        JsonPath consent = entries("consent.changed", anna.customerId());
        assertEquals(List.of(Staff.username("marketing")), consent.getList("items.actor"));
        assertEquals(List.of(), consent.getList("items[0].before"));
        assertEquals(List.of("withdrawn"), consent.getList("items[0].after.status"));
    }

    @Test
    void filtersCombineAndPagesRunNewestFirst() {
        Created anna = person("crm").email(email()).create();
        for (String purpose : List.of("first", "second", "third")) {
            ConsentApiTest.put(anna.customerId(), ConsentApiTest.decision(purpose, "email", "granted", null)).then().statusCode(200);
        }

        List<Integer> decisionsAfter = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = given().queryParam("targetId", anna.customerId().toString()).queryParam("actor", "admin")
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            decisionsAfter.addAll(page.getList("items.collect { it.after.size() }", Integer.class));
            times.addAll(page.getList("items.occurredAt"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(2, pages);
        assertEquals(List.of(3, 2, 1), decisionsAfter, "newest first");
        List<String> sorted = new ArrayList<>(times);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, times);
        given().queryParam("targetId", anna.customerId().toString()).queryParam("from", "2999-01-01T00:00:00Z").get("/api/v1/audit")
                .then().statusCode(200).body("items", empty()).body("nextCursor", nullValue());
        given().queryParam("targetId", anna.customerId().toString()).queryParam("to", "2000-01-01T00:00:00Z").get("/api/v1/audit")
                .then().statusCode(200).body("items", empty());
        given().queryParam("targetId", anna.customerId().toString()).queryParam("actor", "somebody-else").get("/api/v1/audit")
                .then().statusCode(200).body("items", empty());
        given().queryParam("targetId", anna.customerId().toString()).queryParam("targetType", "customer")
                .queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "2999-01-01T00:00:00Z").get("/api/v1/audit")
                .then().statusCode(200).body("items.size()", equalTo(3));
    }

    @Test
    void badParametersAreNamed() {
        for (Map.Entry<String, String> bad : Map.of("from", "yesterday", "to", "2025-13-01", "limit", "0", "cursor", "not-a-cursor").entrySet()) {
            given().queryParam(bad.getKey(), bad.getValue()).get("/api/v1/audit").then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("errors.field", contains(bad.getKey()));
        }
        given().queryParam("limit", "501").get("/api/v1/audit").then().statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("limit", "many").get("/api/v1/audit").then().statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("from", "2025-02-01T00:00:00Z").queryParam("to", "2025-01-01T00:00:00Z").get("/api/v1/audit")
                .then().statusCode(400).body("errors.field", contains("from"));
        given().queryParam("actor", "x".repeat(256)).get("/api/v1/audit").then().statusCode(400).body("errors.field", contains("actor"));
    }

    @Test
    void onlyAdminsAndCxManagersReadTheAuditLogAndNobodyWritesIt() {
        Staff.as("cx-manager").get("/api/v1/audit").then().statusCode(200);
        for (String role : List.of("viewer", "marketing", "sales", "support", "integration")) {
            Staff.as(role).get("/api/v1/audit").then().statusCode(403).contentType(PROBLEM_JSON);
        }
        given().auth().none().get("/api/v1/audit").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("action", "forged")).post("/api/v1/audit").then().statusCode(405);
        given().delete("/api/v1/audit/" + UUID.randomUUID()).then().statusCode(org.hamcrest.Matchers.oneOf(404, 405));
    }
}
