package dev.kreis.app.sync;

import static dev.kreis.app.sync.SyncFixtures.connect;
import static dev.kreis.app.sync.SyncFixtures.source;
import static dev.kreis.app.sync.SyncFixtures.sync;
import static dev.kreis.app.sync.SyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.sync.persistence.RunRepository;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.platform.sync.persistence.SyncRecordRepository.Conflict;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Two-way sync with HubSpot, against the fake HubSpot server (issue 15 §5). */
@QuarkusTest
class HubSpotSyncTest {
    private final FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC());

    @Inject
    ProfileRepository profiles;

    @Inject
    SyncRecordRepository records;

    @Inject
    RunRepository runs;

    @AfterEach
    void stop() {
        fake.close();
    }

    private ProfileRow profile(UUID connection, String recordId) {
        return profiles.findBySourceAndExternalId(source(connection), recordId).orElseThrow();
    }

    private static UUID shopProfile(String email, Map<String, Object> attributes) {
        String customer = given().contentType(ContentType.JSON).body(Map.of("source", "shop", "externalId", "shop-" + unique(), "kind", "person",
                "identifiers", List.of(Map.of("type", "email", "value", email)), "attributes", attributes))
                .post("/api/v1/profiles").then().statusCode(201).extract().path("customerId");
        return UUID.fromString(customer);
    }

    @Test
    void aFirstSyncOfAThousandContactsInPagesGivesAThousandProfilesJoinedToExistingCustomersByEmail() {
        String run = unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(fake.add("contacts", Map.of("email", "c" + i + "-" + run + "@example.com", "firstname", "C" + i)));
        }
        List<UUID> existing = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            existing.add(shopProfile("C" + i + "-" + run + "@EXAMPLE.com", Map.of()));
        }
        UUID connection = connect(fake, Map.of("push", "false"));

        JsonPath result = sync(connection);

        assertEquals("succeeded", result.getString("status"));
        assertEquals(1000, result.getInt("counts.read"));
        assertEquals(1000, result.getInt("counts.created"));
        assertEquals(1000, ids.stream().map(id -> profile(connection, id)).map(ProfileRow::id).distinct().count());
        for (int i = 0; i < 5; i++) {
            assertEquals(existing.get(i), profile(connection, ids.get(i)).customerId(), "contact " + i + " joined the shop's customer");
        }
        assertTrue(fake.requests().stream().filter(r -> r.path().startsWith("/crm/v3/objects/contacts?")).count() >= 10, "read in pages");
    }

    @Test
    void theNextSyncReadsOnlyTheRecordsChangedSince() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(fake.add("contacts", Map.of("email", "n" + i + "-" + unique() + "@example.com")));
        }
        SyncFixtures.sleep(5);
        fake.add("contacts", Map.of("email", "last-" + unique() + "@example.com"));
        UUID connection = connect(fake, Map.of("push", "false"));
        sync(connection);
        SyncFixtures.sleep(5);
        for (int i = 0; i < 3; i++) {
            fake.change("contacts", ids.get(i), Map.of("firstname", "Changed" + i));
        }
        int before = fake.requests().size();

        JsonPath second = sync(connection);

        assertEquals(3, second.getInt("counts.updated"));
        assertEquals(4, second.getInt("counts.read"), "the changed records and the one at the (inclusive) watermark");
        assertEquals(1, second.getInt("counts.unchanged"), "the one at the watermark was seen before");
        assertTrue(fake.requests().subList(before, fake.requests().size()).stream().anyMatch(r -> r.path().endsWith("/contacts/search")
                && r.body().contains("\"operator\":\"GTE\"")), "incremental by search on the watermark");
        assertEquals("Changed0", profiles.attributes(profile(connection, ids.get(0))).get("firstName").value().asText());
    }

    @Test
    void aRecordChangedWhileAnIncrementalSyncPagesThroughItsSearchMakesThePassSkipNoOtherRecord() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(fake.add("contacts", Map.of("email", "p" + i + "-" + unique() + "@example.com", "firstname", "First")));
        }
        UUID connection = connect(fake, Map.of("push", "false"));
        sync(connection);
        SyncFixtures.sleep(5);
        for (int i = 0; i < ids.size(); i++) {
            fake.change("contacts", ids.get(i), Map.of("firstname", "Second" + i));
            if (i % 25 == 0) {
                SyncFixtures.sleep(2);
            }
        }
        // A HubSpot user edits the first changed contact after the first search page is answered: HubSpot's search
        // evaluates each page anew, so the contact moves to the end and every later result moves up one place.
        fake.beforeSearch("contacts", 2, () -> {
            SyncFixtures.sleep(2);
            fake.change("contacts", ids.get(0), Map.of("firstname", "Third"));
        });

        JsonPath second = sync(connection);

        assertEquals("succeeded", second.getString("status"));
        List<String> stale = new ArrayList<>();
        for (int i = 1; i < ids.size(); i++) {
            if (!("Second" + i).equals(profiles.attributes(profile(connection, ids.get(i))).get("firstName").value().asText())) {
                stale.add(ids.get(i));
            }
        }
        assertEquals(List.of(), stale, "every contact changed before the pass was read in it");
        assertEquals("Third", profiles.attributes(profile(connection, ids.get(0))).get("firstName").value().asText(),
                "the contact changed during the pass has its later value");
    }

    @Test
    void anEmailChangedInTheCrmMovesWithTheRecordInsteadOfCreatingASecondCustomer() {
        String id = fake.add("contacts", Map.of("email", "old-" + unique() + "@example.com"));
        UUID connection = connect(fake, Map.of("push", "false"));
        sync(connection);
        UUID customer = profile(connection, id).customerId();
        String newEmail = "new-" + unique() + "@example.com";
        SyncFixtures.sleep(5);
        fake.change("contacts", id, Map.of("email", newEmail));

        sync(connection);

        ProfileRow after = profile(connection, id);
        assertEquals(customer, after.customerId());
        List<Identifier> identifiers = profiles.identifiersOfProfiles(List.of(after.id())).get(after.id());
        assertEquals(Set.of(newEmail), identifiers.stream().map(Identifier::value).collect(Collectors.toSet()));
        assertEquals(1, profiles.findByIdentifiers(identifiers).stream().map(m -> m.customerId()).distinct().count());
    }

    @Test
    void aFieldChangedOnBothSidesGoesToTheLaterWriterAndTheLosingValueIsKept() {
        String email = "both-" + unique() + "@example.com";
        String id = fake.add("contacts", Map.of("email", email, "firstname", "Ann"));
        UUID connection = connect(fake, Map.of());
        sync(connection);
        SyncFixtures.sleep(5);
        shopProfile(email, Map.of("firstName", "Anna"));

        sync(connection);

        assertEquals("Anna", fake.record("contacts", id).get().get("firstname"), "Kreis's later value was pushed");
        List<Conflict> conflicts = records.conflicts(connection, id);
        assertEquals(1, conflicts.size());
        assertEquals("kreis", conflicts.get(0).winner());
        assertEquals("Ann", conflicts.get(0).losingValue());
    }

    @Test
    void withCrmWinsTheCrmKeepsItsValueAndKreissValueIsKeptAsTheLoser() {
        String email = "crmwins-" + unique() + "@example.com";
        String id = fake.add("contacts", Map.of("email", email, "firstname", "Ann"));
        UUID connection = connect(fake, Map.of("conflict.firstName", "crm-wins"));
        sync(connection);
        SyncFixtures.sleep(5);
        shopProfile(email, Map.of("firstName", "Anna"));

        sync(connection);
        sync(connection);

        assertEquals("Ann", fake.record("contacts", id).get().get("firstname"));
        List<Conflict> conflicts = records.conflicts(connection, id);
        assertEquals(1, conflicts.size(), "recorded once");
        assertEquals("crm", conflicts.get(0).winner());
        assertEquals("Anna", conflicts.get(0).losingValue());
    }

    @Test
    void aKreisChangeIsPushedOnceAndItsEchoIgnored() {
        String email = "push-" + unique() + "@example.com";
        String id = fake.add("contacts", Map.of("email", email, "lastname", "Old"));
        UUID connection = connect(fake, Map.of());
        JsonPath first = sync(connection);
        assertEquals(1, first.getInt("counts.pushed"), "the Kreis customer id goes to the kreis_customer_id property");
        assertEquals(profile(connection, id).customerId().toString(), fake.record("contacts", id).get().get("kreis_customer_id"));
        SyncFixtures.sleep(5);
        shopProfile(email, Map.of("lastName", "New"));

        JsonPath second = sync(connection);
        JsonPath third = sync(connection);

        assertEquals(1, second.getInt("counts.pushed"));
        assertEquals("New", fake.record("contacts", id).get().get("lastname"));
        assertEquals(0, third.getInt("counts.pushed"), "nothing changed since");
        assertEquals(0, third.getInt("counts.updated"), "the echo of Kreis's write is not a change");
        long updates = fake.writes().stream().filter(r -> r.path().endsWith("/batch/update") && r.body().contains("\"lastname\"")).count();
        assertEquals(1, updates, "the last name was written once");
    }

    @Test
    void aRunThatStoppedMidwayResumesFromItsLastCheckpointWithNothingLostOrDoubled() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(fake.add("contacts", Map.of("email", "k" + i + "-" + unique() + "@example.com")));
        }
        UUID connection = connect(fake, Map.of("push", "false"));
        fake.breakAfterReads(5); // companies (list, archived), then three pages of contacts
        JsonPath broken = sync(connection);
        assertEquals("failed", broken.getString("status"));
        assertEquals(300, broken.getInt("counts.created"));
        fake.heal();
        int before = fake.requests().size();

        JsonPath resumed = sync(connection);

        assertEquals("succeeded", resumed.getString("status"));
        assertEquals(200, resumed.getInt("counts.created"), "the remaining records, none twice");
        String firstRead = fake.requests().subList(before, fake.requests().size()).stream().filter(r -> r.path().startsWith("/crm/v3/objects/contacts?"))
                .findFirst().orElseThrow().path();
        assertTrue(firstRead.contains("after=" + ids.get(299)), "resumed after the last stored page: " + firstRead);
        assertEquals(500, ids.stream().map(id -> profile(connection, id).id()).distinct().count());
    }

    @Test
    void noRequestIsSentBeforeRetryAfterHasPassed() {
        fake.add("contacts", Map.of("email", "wait-" + unique() + "@example.com"));
        UUID connection = connect(fake, Map.of("push", "false"));
        fake.throttle(1, 2);

        JsonPath run = sync(connection);

        assertEquals("succeeded", run.getString("status"));
        List<FakeHubSpot.Request> requests = fake.requests().stream().filter(r -> r.path().startsWith("/crm/v3/objects")).toList();
        Duration gap = Duration.between(requests.get(0).at(), requests.get(1).at());
        assertTrue(gap.compareTo(Duration.ofSeconds(2)) >= 0, "waited " + gap);
    }

    @Test
    void aRateLimitWithoutRetryAfterIsRetriedWithBackoff() {
        fake.add("contacts", Map.of("email", "backoff-" + unique() + "@example.com"));
        UUID connection = connect(fake, Map.of("push", "false"));
        fake.throttle(2, null);

        JsonPath run = sync(connection);

        assertEquals("succeeded", run.getString("status"));
        assertEquals(1, run.getInt("counts.created"));
    }

    @Test
    void aRecordThatKeepsFailingIsDeadLetteredAndItsRetryWorks() {
        String id = fake.add("contacts", Map.of("email", "not-an-email"));
        UUID connection = connect(fake, Map.of("push", "false"));

        JsonPath run = sync(connection);

        assertEquals("partial", run.getString("status"));
        assertEquals(1, run.getInt("counts.deadLettered"));
        JsonPath letters = SyncFixtures.deadLetters(connection);
        assertEquals(1, letters.getList("items").size());
        assertEquals(id, letters.getString("items[0].recordId"));
        assertEquals(3, letters.getInt("items[0].attempts"));
        String letter = letters.getString("items[0].id");

        given().post("/api/v1/connections/" + connection + "/dead-letters/" + letter + "/retry").then().statusCode(409);
        fake.change("contacts", id, Map.of("email", "fixed-" + unique() + "@example.com"));
        given().post("/api/v1/connections/" + connection + "/dead-letters/" + letter + "/retry").then().statusCode(204);

        assertTrue(profiles.findBySourceAndExternalId(source(connection), id).isPresent());
        assertEquals(0, given().get("/api/v1/connections/" + connection + "/dead-letters").then().extract().jsonPath().getList("items").size());
    }

    @Test
    void aRecordArchivedInTheCrmLeavesItsProfileMarkedDeleted() {
        String id = fake.add("contacts", Map.of("email", "arch-" + unique() + "@example.com"));
        UUID connection = connect(fake, Map.of("push", "false"));
        sync(connection);
        fake.archive("contacts", id);

        sync(connection);

        assertTrue(records.deletedAt(profile(connection, id).id()).isPresent());
    }

    @Test
    void aValidWebhookIsAppliedWithinTwoSecondsAndForgedOrStaleOnesAreRefused() {
        String id = fake.add("contacts", Map.of("email", "hook-" + unique() + "@example.com", "firstname", "Before"));
        UUID connection = connect(fake, Map.of("push", "false"));
        sync(connection);
        fake.change("contacts", id, Map.of("firstname", "After"));
        String path = "/api/v1/connections/" + connection + "/webhook";
        String body = "[{\"eventId\":" + System.nanoTime() + ",\"subscriptionType\":\"contact.propertyChange\",\"objectId\":" + id
                + ",\"propertyName\":\"firstname\",\"occurredAt\":" + System.currentTimeMillis() + "}]";
        long now = System.currentTimeMillis();
        long stale = now - Duration.ofMinutes(6).toMillis();

        webhook(path, body, FakeHubSpot.sign("forged", "POST", "https://kreis.test" + path, body, now), now).then().statusCode(401);
        webhook(path, body, FakeHubSpot.sign(SyncFixtures.SECRET, "POST", "https://kreis.test" + path, body, stale), stale).then().statusCode(401);
        given().auth().none().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        SyncFixtures.sleep(300);
        assertEquals("Before", firstName(connection, id), "refused requests change nothing");

        webhook(path, body, FakeHubSpot.sign(SyncFixtures.SECRET, "POST", "https://kreis.test" + path, body, now), now).then().statusCode(202);
        long deadline = System.currentTimeMillis() + 2000;
        while (!"After".equals(firstName(connection, id)) && System.currentTimeMillis() < deadline) {
            SyncFixtures.sleep(20);
        }
        assertEquals("After", firstName(connection, id));
    }

    private String firstName(UUID connection, String id) {
        return profiles.attributes(profile(connection, id)).get("firstName").value().asText();
    }

    private static io.restassured.response.Response webhook(String path, String body, String signature, long timestamp) {
        return given().auth().none().contentType(ContentType.JSON).header("X-HubSpot-Signature-v3", signature)
                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp)).body(body).post(path);
    }

    @Test
    void anErasureReachesTheCrmAndTheReceiptSaysSo() {
        String id = fake.add("contacts", Map.of("email", "erase-" + unique() + "@example.com"));
        UUID connection = connect(fake, Map.of("push", "false"));
        sync(connection);
        UUID customer = profile(connection, id).customerId();

        JsonPath receipt = given().contentType(ContentType.JSON).body(Map.of("reason", "data subject request"))
                .post("/api/v1/customers/" + customer + "/erase").then().statusCode(201).extract().jsonPath();

        assertEquals(List.of(id), fake.gdprDeleted());
        assertEquals(connection.toString(), receipt.getString("connections[0].connectionId"));
        assertEquals("erased", receipt.getString("connections[0].outcome"));
        assertEquals("erased", given().get("/api/v1/erasures/" + receipt.getString("receiptId")).then().statusCode(200).extract()
                .path("connections[0].outcome"));
    }

    @Test
    void aSecondRunOfAConnectionIsRefusedWhileOneIsUnderWay() {
        for (int i = 0; i < 300; i++) {
            fake.add("contacts", Map.of("email", "busy" + i + "-" + unique() + "@example.com"));
        }
        UUID connection = connect(fake, Map.of("push", "false"));
        String runId = given().post("/api/v1/connections/" + connection + "/sync").then().statusCode(202).extract().path("runId");

        given().post("/api/v1/connections/" + connection + "/sync").then().statusCode(409);

        assertEquals("succeeded", SyncFixtures.awaitRun(connection, runId).getString("status"));
        assertFalse(given().get("/api/v1/connections/" + connection + "/runs").then().extract().jsonPath().getList("items").size() > 1);
    }

    @Test
    void ofTwoNodesCompetingForAConnectionsLeaseExactlyOneGetsIt() throws Exception {
        UUID connection = connect(fake, Map.of("push", "false"));
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<Boolean>> attempts = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            String holder = "node-" + node;
            attempts.add(nodes.submit(() -> {
                start.await();
                return runs.acquireLease(connection, holder, UUID.randomUUID(), now, now.plusMinutes(2));
            }));
        }
        start.countDown();
        int won = 0;
        for (var attempt : attempts) {
            won += attempt.get() ? 1 : 0;
        }
        nodes.shutdown();

        assertEquals(1, won);
        assertFalse(runs.acquireLease(connection, "node-late", UUID.randomUUID(), now.plusMinutes(1), now.plusMinutes(3)), "still held");
        assertTrue(runs.acquireLease(connection, "node-late", UUID.randomUUID(), now.plusMinutes(3), now.plusMinutes(5)), "expired, taken over");
    }
}
