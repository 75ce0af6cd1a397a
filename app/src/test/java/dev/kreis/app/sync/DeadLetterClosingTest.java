package dev.kreis.app.sync;

import static dev.kreis.app.sync.SyncFixtures.connect;
import static dev.kreis.app.sync.SyncFixtures.source;
import static dev.kreis.app.sync.SyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A dead letter does not stay open once its record has been applied after all (issue 15 §2, limits and failures): a later
 * run or webhook that applies the same CRM record closes it, and the run counts it in {@code deadLettersResolved}.
 */
@QuarkusTest
class DeadLetterClosingTest {
    private final FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC());

    @Inject
    ProfileRepository profiles;

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aLaterRunThatAppliesTheRecordClosesItsDeadLetterAndSaysSoInItsCounts() {
        String stillBroken = fake.add("contacts", Map.of("email", "also-not-an-email"));
        SyncFixtures.sleep(5);
        String fixed = fake.add("contacts", Map.of("email", "not-an-email"));
        UUID connection = connect(fake, Map.of("push", "false"));
        JsonPath failing = SyncFixtures.sync(connection);
        assertEquals(2, failing.getInt("counts.deadLettered"));
        assertEquals(0, failing.getInt("counts.deadLettersResolved"));
        assertEquals(2, SyncFixtures.deadLetters(connection).getList("items").size());
        SyncFixtures.sleep(5);
        String email = "fixed-" + unique() + "@example.com";
        fake.change("contacts", fixed, Map.of("email", email));

        JsonPath run = SyncFixtures.sync(connection);

        assertEquals("succeeded", run.getString("status"), "the other broken record was not read again (unchanged since the watermark)");
        assertEquals(1, run.getInt("counts.deadLettersResolved"));
        assertEquals(0, run.getInt("counts.deadLettered"));
        JsonPath letters = SyncFixtures.deadLetters(connection);
        assertEquals(List.of(stillBroken), letters.getList("items.recordId"), "only the applied record's letter is closed");
        assertTrue(profiles.findBySourceAndExternalId(source(connection), fixed).isPresent(), "the record is applied");
    }

    @Test
    void aWebhookThatAppliesTheRecordClosesItsDeadLetter() {
        String id = fake.add("contacts", Map.of("email", "not-an-email"));
        UUID connection = connect(fake, Map.of("push", "false"));
        SyncFixtures.sync(connection);
        assertEquals(1, SyncFixtures.deadLetters(connection).getList("items").size());
        SyncFixtures.sleep(5);
        fake.change("contacts", id, Map.of("email", "hooked-" + unique() + "@example.com"));
        String path = "/api/v1/connections/" + connection + "/webhook";
        String body = "[{\"eventId\":" + System.nanoTime() + ",\"subscriptionType\":\"contact.propertyChange\",\"objectId\":" + id
                + ",\"propertyName\":\"email\",\"occurredAt\":" + System.currentTimeMillis() + "}]";
        long now = System.currentTimeMillis();

        given().auth().none().contentType(ContentType.JSON)
                .header("X-HubSpot-Signature-v3", FakeHubSpot.sign(SyncFixtures.SECRET, "POST", "https://kreis.test" + path, body, now))
                .header("X-HubSpot-Request-Timestamp", Long.toString(now)).body(body).post(path).then().statusCode(202);

        long deadline = System.currentTimeMillis() + 30_000;
        while (!SyncFixtures.deadLetters(connection).getList("items").isEmpty() && System.currentTimeMillis() < deadline) {
            SyncFixtures.sleep(50);
        }
        assertEquals(List.of(), SyncFixtures.deadLetters(connection).getList("items"));
        assertTrue(profiles.findBySourceAndExternalId(source(connection), id).isPresent(), "the record is applied");
    }
}
