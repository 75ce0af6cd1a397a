package dev.kreis.app.sync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.connector.salesforce.FakeSalesforce;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Consent withdrawn in Kreis reaches the CRM as its opt-out fields (issue 15 §2, privacy). */
@QuarkusTest
class ConsentPushTest {

    @Inject
    ProfileRepository profiles;

    private static void consent(UUID customerId, String purpose, String channel, String status) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("purpose", purpose);
        item.put("channel", channel);
        item.put("status", status);
        item.put("source", "web-form");
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(item))).put("/api/v1/customers/" + customerId + "/consents")
                .then().statusCode(200);
    }

    @Test
    void aWithdrawnEmailConsentSetsHubSpotsEmailOptOutOnTheContact() {
        try (FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC())) {
            String withdrawn = fake.add("contacts", Map.of("email", "optout-" + SyncFixtures.unique() + "@example.com"));
            String granted = fake.add("contacts", Map.of("email", "optin-" + SyncFixtures.unique() + "@example.com"));
            UUID connection = SyncFixtures.connect(fake, Map.of("push", "false"));
            SyncFixtures.sync(connection);
            String source = SyncFixtures.source(connection);
            consent(profiles.findBySourceAndExternalId(source, withdrawn).orElseThrow().customerId(), "marketing", "email", "withdrawn");
            consent(profiles.findBySourceAndExternalId(source, granted).orElseThrow().customerId(), "marketing", "email", "granted");

            SyncFixtures.sync(connection);

            assertEquals("true", fake.record("contacts", withdrawn).orElseThrow().get("hs_email_optout"));
            assertFalse(fake.record("contacts", granted).orElseThrow().containsKey("hs_email_optout"), "a grant is not an opt-out");
            int writes = fake.writes().size();
            SyncFixtures.sync(connection);
            assertEquals(writes, fake.writes().size(), "a withdrawal is pushed once");
        }
    }

    @Test
    void aConsentWithdrawnOnEveryChannelSetsSalesforcesEmailOptOutAndDoNotCall() {
        try (FakeSalesforce fake = FakeSalesforce.start(Clock.systemUTC())) {
            String id = fake.add("Contact", Map.of("Email", "sf-optout-" + SyncFixtures.unique() + "@example.com", "LastName", "Optout"));
            Map<String, Object> body = new HashMap<>();
            body.put("connector", "salesforce");
            body.put("name", "Salesforce consent");
            body.put("source", "sf-" + SyncFixtures.unique());
            body.put("baseUrl", fake.loginUrl().toString());
            body.put("credentials", Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET));
            body.put("settings", Map.of("push", "false"));
            UUID connection = UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then()
                    .statusCode(201).extract().path("id"));
            SyncFixtures.sync(connection);
            consent(profiles.findBySourceAndExternalId(SyncFixtures.source(connection), id).orElseThrow().customerId(), "marketing", "any",
                    "withdrawn");

            SyncFixtures.sync(connection);

            Map<String, String> record = fake.record("Contact", id).orElseThrow();
            assertEquals("true", record.get("HasOptedOutOfEmail"));
            assertEquals("true", record.get("DoNotCall"));
        }
    }
}
