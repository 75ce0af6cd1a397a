package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.spi.privacy.ConsentService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** {@code /api/v1/customers/{id}/consents} and the {@link ConsentService} modules inject. */
@QuarkusTest
class ConsentApiTest {

    @Inject
    ConsentService consentService;

    static Map<String, Object> decision(String purpose, String channel, String status, String decidedAt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("purpose", purpose);
        item.put("channel", channel);
        item.put("status", status);
        if (decidedAt != null) {
            item.put("decidedAt", decidedAt);
        }
        item.put("source", "web-form");
        return item;
    }

    static Response put(RequestSpecification as, UUID customerId, List<Map<String, Object>> items) {
        return as.contentType(ContentType.JSON).body(Map.of("items", items)).when().put("/api/v1/customers/" + customerId + "/consents");
    }

    static Response put(UUID customerId, Map<String, Object>... items) {
        return put(given(), customerId, List.of(items));
    }

    @Test
    void aNewCustomerHasNoConsents() {
        Created anna = person("crm").email(email()).create();

        given().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200)
                .body("customerId", equalTo(anna.customerId().toString())).body("items", empty());
    }

    @Test
    void recordedDecisionsAreAnsweredAsTheNewStateAndReadBack() {
        Created anna = person("crm").email(email()).create();

        put(anna.customerId(), decision("marketing", "email", "granted", "2025-03-01T10:00:00Z"),
                decision("analytics", "any", "withdrawn", "2025-03-02T10:00:00Z"))
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("customerId", equalTo(anna.customerId().toString()))
                .body("items.purpose", contains("analytics", "marketing"))
                .body("items.channel", contains("any", "email"))
                .body("items.status", contains("withdrawn", "granted"))
                .body("items.decidedAt", contains("2025-03-02T10:00:00Z", "2025-03-01T10:00:00Z"))
                .body("items.source", contains("web-form", "web-form"));

        given().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200)
                .body("items.status", contains("withdrawn", "granted"));
    }

    @Test
    void anOlderDecisionNeverOverwritesANewerOne() {
        Created anna = person("crm").email(email()).create();
        put(anna.customerId(), decision("marketing", "email", "withdrawn", "2025-03-01T10:00:00Z")).then().statusCode(200);

        put(anna.customerId(), decision("marketing", "email", "granted", "2025-02-01T10:00:00Z"))
                .then().statusCode(200).body("items.status", contains("withdrawn"))
                .body("items.decidedAt", contains("2025-03-01T10:00:00Z"));
        put(anna.customerId(), decision("marketing", "email", "granted", "2025-04-01T10:00:00Z"))
                .then().statusCode(200).body("items.status", contains("granted"));
    }

    @Test
    void aDecisionWithoutTimeIsDecidedNow() {
        Created anna = person("crm").email(email()).create();

        String decidedAt = put(anna.customerId(), decision("service", "sms", "granted", null))
                .then().statusCode(200).extract().jsonPath().getString("items[0].decidedAt");

        assertTrue(java.time.Duration.between(java.time.Instant.parse(decidedAt), java.time.Instant.now()).abs().getSeconds() < 60);
    }

    @Test
    void invalidItemsAreNamedByPathAndNothingIsRecorded() {
        Created anna = person("crm").email(email()).create();
        Map<String, Object> badPurpose = decision("Marketing!", "email", "granted", null);
        Map<String, Object> badEverything = new LinkedHashMap<>(Map.of("purpose", "x".repeat(65), "channel", "fax", "status", "maybe",
                "decidedAt", "yesterday"));

        put(anna.customerId(), decision("marketing", "email", "granted", null), badPurpose, badEverything,
                decision("service", "email", "granted", "2999-01-01T00:00:00Z"))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("items[1].purpose", "items[2].purpose", "items[2].channel", "items[2].status",
                        "items[2].decidedAt", "items[2].source", "items[3].decidedAt"));

        given().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200).body("items", empty());
    }

    @Test
    void theSamePurposeAndChannelTwiceInOneRequestIsRefused() {
        Created anna = person("crm").email(email()).create();

        put(anna.customerId(), decision("marketing", "email", "granted", null), decision("marketing", "email", "withdrawn", null))
                .then().statusCode(422).body("errors.field", contains("items[1]"));
    }

    @Test
    void aRequestHoldsOneToAHundredDecisions() {
        Created anna = person("crm").email(email()).create();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(decision("purpose-" + i, "email", "granted", null));
        }

        put(given(), anna.customerId(), many).then().statusCode(422).body("errors.field", contains("items"));
        put(given(), anna.customerId(), List.of()).then().statusCode(422).body("errors.field", contains("items"));
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/customers/" + anna.customerId() + "/consents")
                .then().statusCode(422).body("errors.field", contains("items"));
        given().contentType(ContentType.JSON).body("{\"items\": 5}").put("/api/v1/customers/" + anna.customerId() + "/consents")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownCustomersAre404AndMalformedIds400() {
        UUID unknown = UUID.randomUUID();
        given().get("/api/v1/customers/" + unknown + "/consents").then().statusCode(404).contentType(PROBLEM_JSON);
        put(unknown, decision("marketing", "email", "granted", null)).then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("/api/v1/customers/not-a-uuid/consents").then().statusCode(400).body("errors.field", contains("id"));
    }

    @Test
    void consentsFollowAMergeAndComeApartAgainWithASplit() {
        Created anna = person("crm").email(email()).create();
        Created other = person("shop").email(email()).create();
        put(anna.customerId(), decision("marketing", "email", "granted", "2025-01-01T00:00:00Z"),
                decision("analytics", "web", "granted", "2025-01-01T00:00:00Z")).then().statusCode(200);
        put(other.customerId(), decision("marketing", "email", "withdrawn", "2025-02-01T00:00:00Z")).then().statusCode(200);

        Fixtures.postJson("/api/v1/customers/" + anna.customerId() + "/merge", Map.of("customerIds", List.of(other.customerId())))
                .then().statusCode(200);
        given().get("/api/v1/customers/" + other.customerId() + "/consents").then().statusCode(200)
                .body("customerId", equalTo(anna.customerId().toString()))
                .body("items.purpose", contains("analytics", "marketing"))
                .body("items.status", contains("granted", "withdrawn"));
        put(anna.customerId(), decision("profiling", "any", "withdrawn", "2025-03-01T00:00:00Z")).then().statusCode(200);

        Fixtures.postJson("/api/v1/customers/" + anna.customerId() + "/split", Map.of("profileIds", List.of(other.profileId())))
                .then().statusCode(200).body("customerId", equalTo(other.customerId().toString()));
        given().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200)
                .body("items.purpose", contains("analytics", "marketing", "profiling"))
                .body("items.status", contains("granted", "granted", "withdrawn"));
        given().get("/api/v1/customers/" + other.customerId() + "/consents").then().statusCode(200)
                .body("items.purpose", contains("marketing", "profiling"))
                .body("items.status", contains("withdrawn", "withdrawn"));
    }

    @Test
    void modulesAskTheConsentServiceWithTheDocumentedRules() {
        Created anna = person("crm").email(email()).create();
        put(anna.customerId(), decision("marketing", "any", "granted", "2025-01-01T00:00:00Z"),
                decision("marketing", "sms", "withdrawn", "2024-06-01T00:00:00Z")).then().statusCode(200);

        assertTrue(consentService.mayContact(anna.customerId(), "marketing", "email"), "an any grant covers e-mail");
        assertFalse(consentService.mayContact(anna.customerId(), "marketing", "sms"), "a channel withdrawal wins over an any grant");
        assertTrue(consentService.mayContact(anna.customerId(), "marketing", "any"));
        assertFalse(consentService.mayContact(anna.customerId(), "analytics", "email"), "no decision means no");
        assertFalse(consentService.mayContact(UUID.randomUUID(), "marketing", "email"), "unknown customers may not be contacted");

        put(anna.customerId(), decision("marketing", "any", "withdrawn", "2025-02-01T00:00:00Z")).then().statusCode(200);
        assertFalse(consentService.mayContact(anna.customerId(), "marketing", "email"), "withdrawing any withdraws every channel");
        put(anna.customerId(), decision("marketing", "email", "granted", "2025-03-01T00:00:00Z")).then().statusCode(200);
        assertTrue(consentService.mayContact(anna.customerId(), "marketing", "email"), "a later channel grant opens that channel");
        assertFalse(consentService.mayContact(anna.customerId(), "marketing", "web"));
    }

    @Test
    void aProfileMayBringConsentsWhichAreRecordedFromItsSource() {
        Map<String, Object> body = person("web-form").email(email()).json();
        body.put("consents", List.of(Map.of("purpose", "marketing", "channel", "email", "status", "granted")));

        Created anna = Created.of(Fixtures.postJson("/api/v1/profiles", body).then().statusCode(201).extract().response());

        given().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200)
                .body("items.purpose", contains("marketing")).body("items.source", contains("web-form"))
                .body("items.status", contains("granted"));
    }

    @Test
    void invalidConsentsOfAProfileAreNamedAndTheProfileIsNotStored() {
        Map<String, Object> body = person("web-form").email(email()).json();
        body.put("consents", List.of(Map.of("purpose", "marketing", "channel", "pigeon", "status", "granted")));

        Fixtures.postJson("/api/v1/profiles", body).then().statusCode(422).body("errors.field", contains("consents[0].channel"));
        given().queryParam("q", ((List<Map<String, Object>>) body.get("identifiers")).get(0).get("value"))
                .get("/api/v1/customers").then().statusCode(200).body("items", empty());
    }

    @Test
    void everyoneWhoReadsCustomersReadsConsentsAndOnlyWritersChangeThem() {
        Created anna = person("crm").email(email()).create();

        Staff.as("viewer").get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200);
        Staff.as("integration").get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200);
        put(Staff.as("viewer"), anna.customerId(), List.of(decision("marketing", "email", "granted", null)))
                .then().statusCode(403).contentType(PROBLEM_JSON);
        put(Staff.as("marketing"), anna.customerId(), List.of(decision("marketing", "email", "granted", null))).then().statusCode(200);
        given().auth().none().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(401);

        assertEquals(1, given().get("/api/v1/customers/" + anna.customerId() + "/consents").jsonPath().getList("items").size());
    }

    @Test
    void theReasonOfAChangeIsKeptWithTheDecisionAndInTheAuditEntry() {
        Created anna = person("crm").email(email()).create();
        Map<String, Object> withdrawn = decision("marketing", "email", "withdrawn", null);
        withdrawn.put("reason", "  Asked on the phone to stop the newsletter  ");

        put(anna.customerId(), withdrawn).then().statusCode(200)
                .body("items[0].reason", equalTo("Asked on the phone to stop the newsletter"));
        given().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200)
                .body("items[0].reason", equalTo("Asked on the phone to stop the newsletter"));
        given().queryParam("action", "consent.changed").queryParam("targetId", anna.customerId().toString()).get("/api/v1/audit").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].after[0].reason", equalTo("Asked on the phone to stop the newsletter"))
                .body("items[0].after[0].status", equalTo("withdrawn"));

        Map<String, Object> granted = decision("marketing", "email", "granted", null);
        put(anna.customerId(), granted).then().statusCode(200).body("items[0].status", equalTo("granted"))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("reason")));
        given().queryParam("action", "consent.changed").queryParam("targetId", anna.customerId().toString()).get("/api/v1/audit").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.hasSize(2))
                .body("items.before.flatten().reason", org.hamcrest.Matchers.hasItem("Asked on the phone to stop the newsletter"));
    }

    @Test
    void aTooLongReasonOrOneWithControlCharactersIsNamedAndNothingIsRecorded() {
        Created anna = person("crm").email(email()).create();
        Map<String, Object> fine = decision("analytics", "any", "granted", null);
        Map<String, Object> tooLong = decision("marketing", "email", "granted", null);
        tooLong.put("reason", "x".repeat(501));
        Map<String, Object> control = decision("marketing", "sms", "granted", null);
        control.put("reason", "bell\u0007");

        put(anna.customerId(), fine, tooLong, control).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("items[1].reason", "items[2].reason"));
        given().get("/api/v1/customers/" + anna.customerId() + "/consents").then().statusCode(200).body("items", empty());
    }
}
