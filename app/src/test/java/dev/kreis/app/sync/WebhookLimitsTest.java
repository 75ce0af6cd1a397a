package dev.kreis.app.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The webhook endpoint is public, so its cost is bounded: requests are counted per connection and client
 * address before the signature is checked, and a body over the limit is refused unread. Runs with a limit of
 * 3 requests a minute and 2 KB bodies.
 */
@QuarkusTest
@TestProfile(WebhookLimitsTest.SmallLimits.class)
class WebhookLimitsTest {
    private final FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC());

    @Inject
    ProfileRepository profiles;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kreis.security.rate-limit.webhooks-per-minute", "3", "kreis.sync.webhook-max-body-size", "2K");
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Response forged(UUID connection, String body) {
        String path = "/api/v1/connections/" + connection + "/webhook";
        long now = System.currentTimeMillis();
        return given().auth().none().contentType(ContentType.JSON).header("X-HubSpot-Signature-v3",
                FakeHubSpot.sign("forged", "POST", "https://kreis.test" + path, body, now))
                .header("X-HubSpot-Request-Timestamp", Long.toString(now)).body(body).post(path);
    }

    private static String event(String objectId) {
        return "[{\"eventId\":" + System.nanoTime() + ",\"subscriptionType\":\"contact.propertyChange\",\"objectId\":" + objectId
                + ",\"propertyName\":\"firstname\",\"occurredAt\":" + System.currentTimeMillis() + "}]";
    }

    @Test
    void aFloodOfForgedWebhooksIsCutOffWith429AndRetryAfterPerConnection() {
        UUID flooded = SyncFixtures.connect(fake, Map.of("push", "false"));
        UUID other = SyncFixtures.connect(fake, Map.of("push", "false"));
        for (int i = 0; i < 3; i++) {
            forged(flooded, event("1")).then().statusCode(401);
        }
        forged(flooded, event("1")).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));

        forged(other, event("1")).then().statusCode(401);
    }

    @Test
    void aWebhookBodyOverTheLimitIs413AndChangesNothing() {
        String id = fake.add("contacts", Map.of("email", "big-" + SyncFixtures.unique() + "@example.com", "firstname", "Before"));
        UUID connection = SyncFixtures.connect(fake, Map.of("push", "false"));
        SyncFixtures.sync(connection);
        fake.change("contacts", id, Map.of("firstname", "After"));
        StringBuilder body = new StringBuilder("[");
        while (body.length() < 3000) {
            body.append(event(id), 1, event(id).length() - 1).append(',');
        }
        body.setCharAt(body.length() - 1, ']');
        String path = "/api/v1/connections/" + connection + "/webhook";
        long now = System.currentTimeMillis();
        given().auth().none().contentType(ContentType.JSON)
                .header("X-HubSpot-Signature-v3", FakeHubSpot.sign(SyncFixtures.SECRET, "POST", "https://kreis.test" + path, body.toString(), now))
                .header("X-HubSpot-Request-Timestamp", Long.toString(now)).body(body.toString()).post(path)
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        SyncFixtures.sleep(300);
        assertEquals("Before", profiles.attributes(profiles.findBySourceAndExternalId(SyncFixtures.source(connection), id).orElseThrow())
                .get("firstName").value().asText(), "a refused webhook changes nothing");
    }
}
