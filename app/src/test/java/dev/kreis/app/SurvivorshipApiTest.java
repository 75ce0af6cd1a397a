package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * {@code GET/PUT /api/v1/survivorship}. Policies are global: each test adds policies only for attribute
 * names of its own and puts the previous policies back when it ends.
 */
@QuarkusTest
class SurvivorshipApiTest {

    @Test
    void theDefaultPolicyIsMostRecent() {
        given().when().get("/api/v1/survivorship")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("defaultPolicy.strategy", equalTo("most_recent"));
    }

    @Test
    void putReplacesThePoliciesAndAnswersThem() {
        String tier = "tier" + unique();
        String colour = "colour" + unique();
        Map<String, Object> previous = current();
        try {
            Map<String, Object> policies = with(previous, Map.of(
                    tier, Map.of("strategy", "source_priority", "sources", List.of("crm", "shop")),
                    colour, Map.of("strategy", "most_frequent")));

            put(policies).then().statusCode(200)
                    .body("defaultPolicy.strategy", equalTo("most_recent"))
                    .body("attributes." + tier + ".strategy", equalTo("source_priority"))
                    .body("attributes." + tier + ".sources", contains("crm", "shop"))
                    .body("attributes." + colour + ".strategy", equalTo("most_frequent"));

            JsonPath stored = given().when().get("/api/v1/survivorship").then().statusCode(200).extract().jsonPath();
            assertEquals("source_priority", stored.getString("attributes." + tier + ".strategy"));
            assertEquals(List.of("crm", "shop"), stored.getList("attributes." + tier + ".sources"));
            assertEquals("most_frequent", stored.getString("attributes." + colour + ".strategy"));
        } finally {
            put(previous).then().statusCode(200);
        }
        JsonPath restored = given().when().get("/api/v1/survivorship").then().statusCode(200).extract().jsonPath();
        assertNull(restored.get("attributes." + tier));
    }

    @Test
    void sourcePriorityPicksTheCrmValueEvenWhenTheShopValueIsNewer() {
        String tier = "tier" + unique();
        String address = email();
        Created crm = person("crm").attribute(tier, "gold").email(address).observedAt("2025-01-01T00:00:00Z").create();
        Created shop = person("shop").attribute(tier, "silver").email(address).observedAt("2025-03-01T00:00:00Z").create();
        assertEquals(crm.customerId(), shop.customerId());
        assertEquals("silver", Fixtures.customer(crm.customerId()).getString("attributes." + tier + ".value"),
                "most recent wins before the policy");

        Map<String, Object> previous = current();
        try {
            put(with(previous, Map.of(tier, Map.of("strategy", "source_priority", "sources", List.of("crm", "shop")))))
                    .then().statusCode(200);

            JsonPath customer = Fixtures.customer(crm.customerId());
            assertEquals("gold", customer.getString("attributes." + tier + ".value"));
            assertEquals("crm", customer.getString("attributes." + tier + ".source"));
            assertEquals(crm.profileId().toString(), customer.getString("attributes." + tier + ".profileId"));
            assertEquals("2025-01-01T00:00:00Z", customer.getString("attributes." + tier + ".observedAt"));
        } finally {
            put(previous).then().statusCode(200);
        }
    }

    @Test
    void sourcePriorityFallsBackToTheMostRecentValueWhenNoListedSourceHasOne() {
        String tier = "tier" + unique();
        String address = email();
        person("web").attribute(tier, "bronze").email(address).observedAt("2025-01-01T00:00:00Z").create();
        Created support = person("support").attribute(tier, "iron").email(address).observedAt("2025-02-01T00:00:00Z").create();

        Map<String, Object> previous = current();
        try {
            put(with(previous, Map.of(tier, Map.of("strategy", "source_priority", "sources", List.of("crm")))))
                    .then().statusCode(200);

            JsonPath customer = Fixtures.customer(support.customerId());
            assertEquals("iron", customer.getString("attributes." + tier + ".value"));
            assertEquals("support", customer.getString("attributes." + tier + ".source"));
        } finally {
            put(previous).then().statusCode(200);
        }
    }

    @Test
    void mostFrequentPicksTheValueMostProfilesAgreeOn() {
        String colour = "colour" + unique();
        String address = email();
        Created crm = person("crm").attribute(colour, "blue").email(address).observedAt("2025-01-01T00:00:00Z").create();
        person("shop").attribute(colour, "blue").email(address).observedAt("2025-01-02T00:00:00Z").create();
        person("support").attribute(colour, "red").email(address).observedAt("2025-01-03T00:00:00Z").create();

        Map<String, Object> previous = current();
        try {
            put(with(previous, Map.of(colour, Map.of("strategy", "most_frequent")))).then().statusCode(200);

            assertEquals("blue", Fixtures.customer(crm.customerId()).getString("attributes." + colour + ".value"));
        } finally {
            put(previous).then().statusCode(200);
        }
    }

    @Test
    void firstNonEmptyPicksTheEarliestObservedValue() {
        String since = "since" + unique();
        String address = email();
        person("crm").attribute(since, "").email(address).observedAt("2024-12-01T00:00:00Z").create();
        Created shop = person("shop").attribute(since, "2019").email(address).observedAt("2025-01-01T00:00:00Z").create();
        person("support").attribute(since, "2021").email(address).observedAt("2025-02-01T00:00:00Z").create();

        Map<String, Object> previous = current();
        try {
            put(with(previous, Map.of(since, Map.of("strategy", "first_non_empty")))).then().statusCode(200);

            JsonPath customer = Fixtures.customer(shop.customerId());
            assertEquals("2019", customer.getString("attributes." + since + ".value"));
            assertEquals(shop.profileId().toString(), customer.getString("attributes." + since + ".profileId"));
        } finally {
            put(previous).then().statusCode(200);
        }
    }

    @Test
    void anUnknownStrategyIsRejectedNamingTheAttribute() {
        String tier = "tier" + unique();

        put(with(current(), Map.of(tier, Map.of("strategy", "loudest_wins"))))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("attributes." + tier + ".strategy"));
        assertNull(given().when().get("/api/v1/survivorship").then().extract().jsonPath().get("attributes." + tier));
    }

    @Test
    void sourcePriorityWithoutSourcesIsRejected() {
        String tier = "tier" + unique();

        put(with(current(), Map.of(tier, Map.of("strategy", "source_priority"))))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("attributes." + tier + ".sources"));
    }

    @Test
    void anInvalidDefaultPolicyIsRejected() {
        Map<String, Object> body = new LinkedHashMap<>(current());
        body.put("defaultPolicy", Map.of("strategy", "random"));

        put(body).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("defaultPolicy.strategy"));
        given().when().get("/api/v1/survivorship").then().body("defaultPolicy.strategy", equalTo("most_recent"));
    }

    @Test
    void aMissingDefaultPolicyIsRejected() {
        put(Map.of("attributes", Map.of())).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("defaultPolicy"));
    }

    @Test
    void anInvalidAttributeNameIsRejected() {
        put(with(current(), Map.of("1st place", Map.of("strategy", "most_recent"))))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("attributes.1st place"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"defaultPolicy\":").when().put("/api/v1/survivorship")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    private static Map<String, Object> current() {
        return given().when().get("/api/v1/survivorship").then().statusCode(200).extract().jsonPath().getMap("");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> policies, Map<String, Object> added) {
        Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) policies.getOrDefault("attributes", Map.of()));
        attributes.putAll(added);
        Map<String, Object> body = new LinkedHashMap<>(policies);
        body.put("attributes", attributes);
        return body;
    }

    private static Response put(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/v1/survivorship");
    }
}
