package dev.kreis.app.sync;

import static dev.kreis.app.sync.SyncFixtures.source;
import static dev.kreis.app.sync.SyncFixtures.sync;
import static dev.kreis.app.sync.SyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.connector.salesforce.FakeSalesforce;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Two-way sync with Salesforce, against the fake Salesforce server (issue 15 §4, §5). */
@QuarkusTest
class SalesforceSyncTest {
    private static final String CUSTOMER_ID_FIELD = "Kreis_Customer_Id__c";

    private final FakeSalesforce fake = FakeSalesforce.start(Clock.systemUTC());

    @Inject
    ProfileRepository profiles;

    @Inject
    SyncRecordRepository records;

    @AfterEach
    void stop() {
        fake.close();
    }

    /** A Salesforce connection to the fake's login server with its own source; answers the connection id. */
    private UUID connect(Map<String, String> credentials, Map<String, String> settings) {
        Map<String, Object> body = new HashMap<>();
        body.put("connector", "salesforce");
        body.put("name", "Salesforce test");
        body.put("source", "sf-" + unique());
        body.put("baseUrl", fake.loginUrl().toString());
        body.put("credentials", credentials);
        body.put("settings", settings);
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then().statusCode(201)
                .extract().path("id"));
    }

    private UUID connect(Map<String, String> settings) {
        return connect(Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET), settings);
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

    private long queryCalls(int from, String what) {
        return fake.requests().subList(from, fake.requests().size()).stream()
                .filter(r -> r.path().contains(what)).count();
    }

    @Test
    void aFirstSyncInPagesGivesOneProfilePerContactJoinedToExistingCustomersByEmail() {
        String run = unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ids.add(fake.add("Contact", Map.of("Email", "s" + i + "-" + run + "@example.com", "LastName", "S" + i)));
        }
        String account = fake.add("Account", Map.of("Name", "Acme " + run));
        List<UUID> existing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            existing.add(shopProfile("S" + i + "-" + run + "@EXAMPLE.com", Map.of()));
        }
        UUID connection = connect(Map.of("push", "false"));

        JsonPath result = sync(connection);

        assertEquals("succeeded", result.getString("status"));
        assertEquals(601, result.getInt("counts.read"));
        assertEquals(601, result.getInt("counts.created"));
        assertEquals(600, ids.stream().map(id -> profile(connection, id)).map(ProfileRow::id).distinct().count());
        for (int i = 0; i < 3; i++) {
            assertEquals(existing.get(i), profile(connection, ids.get(i)).customerId(), "contact " + i + " joined the shop's customer");
        }
        assertEquals("organisation", profile(connection, account).kind());
        assertEquals(2, queryCalls(0, "/services/data/v60.0/query/"), "the contacts in three pages, following nextRecordsUrl");
    }

    @Test
    void theNextSyncAsksOnlyForRecordsModifiedSinceTheWatermark() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(fake.add("Contact", Map.of("Email", "n" + i + "-" + unique() + "@example.com", "LastName", "N" + i)));
        }
        SyncFixtures.sleep(5);
        fake.add("Contact", Map.of("Email", "last-" + unique() + "@example.com", "LastName", "Last"));
        UUID connection = connect(Map.of("push", "false"));
        sync(connection);
        SyncFixtures.sleep(5);
        fake.change("Contact", ids.get(0), Map.of("FirstName", "Changed"));
        fake.change("Contact", ids.get(1), Map.of("FirstName", "Changed"));
        int before = fake.requests().size();

        JsonPath second = sync(connection);

        assertEquals(2, second.getInt("counts.updated"));
        assertEquals(3, second.getInt("counts.read"), "the changed records and the one at the (inclusive) watermark");
        List<String> contactQueries = fake.requests().subList(before, fake.requests().size()).stream().filter(r -> r.path().contains("/queryAll?q="))
                .map(r -> java.net.URLDecoder.decode(r.path(), java.nio.charset.StandardCharsets.UTF_8)).filter(q -> q.contains(" FROM Contact ")).toList();
        assertEquals(1, contactQueries.size());
        assertTrue(contactQueries.get(0).contains("WHERE SystemModstamp >= "), "incremental on the watermark: " + contactQueries.get(0));
        assertEquals("Changed", profiles.attributes(profile(connection, ids.get(0))).get("firstName").value().asText());
    }

    @Test
    void aKreisChangeIsPushedOnceInACollectionAndItsEchoIgnored() {
        String email = "push-" + unique() + "@example.com";
        String id = fake.add("Contact", Map.of("Email", email, "LastName", "Old"));
        UUID connection = connect(Map.of());
        JsonPath first = sync(connection);
        assertEquals(1, first.getInt("counts.pushed"), "the Kreis customer id goes to the custom field");
        assertTrue(fake.customFields("Contact").contains(CUSTOMER_ID_FIELD), "created through the Tooling API");
        assertEquals(profile(connection, id).customerId().toString(), fake.record("Contact", id).get().get(CUSTOMER_ID_FIELD));
        SyncFixtures.sleep(5);
        shopProfile(email, Map.of("lastName", "New"));

        JsonPath second = sync(connection);
        JsonPath third = sync(connection);

        assertEquals(1, second.getInt("counts.pushed"));
        assertEquals("New", fake.record("Contact", id).get().get("LastName"));
        assertEquals(0, third.getInt("counts.pushed"), "nothing changed since");
        assertEquals(0, third.getInt("counts.updated"), "the echo of Kreis's write is not a change");
        long updates = fake.writes().stream().filter(r -> r.path().endsWith("/composite/sobjects") && r.body().contains("\"LastName\"")).count();
        assertEquals(1, updates, "the last name was written once");
    }

    @Test
    void anExpiredSessionIsRefreshedOnceWithTheRefreshTokenAndTheRunGoesOn() {
        for (int i = 0; i < 3; i++) {
            fake.add("Contact", Map.of("Email", "exp" + i + "-" + unique() + "@example.com", "LastName", "E" + i));
        }
        UUID connection = connect(Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET,
                "refreshToken", FakeSalesforce.REFRESH_TOKEN), Map.of("push", "false"));
        fake.expireSessionsAfter(1); // the Account query succeeds, the Contact query meets an expired session

        JsonPath run = sync(connection);

        assertEquals("succeeded", run.getString("status"));
        assertEquals(3, run.getInt("counts.created"));
        assertEquals(1, fake.refusedSessions());
        assertEquals(2, fake.tokenRequests().size(), "one token to start, one refresh");
        assertTrue(fake.tokenRequests().get(1).body().contains("grant_type=refresh_token"));
    }

    /** A synced contact changed in Kreis (last name "New") whose writes Salesforce now refuses with an error array. */
    private record PushFailing(String email, String id, UUID connection) {
    }

    private PushFailing contactWhoseWritesFail(String prefix) {
        String email = prefix + "-" + unique() + "@example.com";
        String id = fake.add("Contact", Map.of("Email", email, "LastName", "Old"));
        UUID connection = connect(Map.of());
        sync(connection);
        SyncFixtures.sleep(5);
        shopProfile(email, Map.of("lastName", "New"));
        fake.failWritesTo(id);
        return new PushFailing(email, id, connection);
    }

    @Test
    void aRecordWhoseWriteKeepsAnsweringAnErrorArrayIsDeadLetteredAndItsRetryWorks() {
        PushFailing failing = contactWhoseWritesFail("dl");
        String id = failing.id();
        UUID connection = failing.connection();

        JsonPath run = sync(connection);

        assertEquals("partial", run.getString("status"));
        assertEquals(1, run.getInt("counts.deadLettered"));
        JsonPath letters = SyncFixtures.deadLetters(connection);
        assertEquals(1, letters.getList("items").size());
        assertEquals(id, letters.getString("items[0].recordId"));
        assertTrue(letters.getString("items[0].error").contains("FIELD_CUSTOM_VALIDATION_EXCEPTION"), letters.getString("items[0].error"));
        assertEquals("validation", letters.getString("items[0].errorKind"));
        assertEquals("Old", fake.record("Contact", id).get().get("LastName"));

        fake.healWrites();
        given().post("/api/v1/connections/" + connection + "/dead-letters/" + letters.getString("items[0].id") + "/retry").then().statusCode(204);

        assertEquals("New", fake.record("Contact", id).get().get("LastName"));
    }

    @Test
    void aLaterRunThatWritesTheRecordClosesItsPushDeadLetter() {
        PushFailing failing = contactWhoseWritesFail("dlc");
        String email = failing.email();
        String id = failing.id();
        UUID connection = failing.connection();
        assertEquals(1, sync(connection).getInt("counts.deadLettered"));
        fake.healWrites();
        SyncFixtures.sleep(5);
        shopProfile(email, Map.of("lastName", "Newer"));

        JsonPath run = sync(connection);

        assertEquals(1, run.getInt("counts.deadLettersResolved"));
        assertEquals("Newer", fake.record("Contact", id).get().get("LastName"));
        assertEquals(List.of(), SyncFixtures.deadLetters(connection).getList("items"));
    }

    @Test
    void aRecordDeletedInSalesforceLeavesItsProfileMarkedDeleted() {
        String id = fake.add("Contact", Map.of("Email", "del-" + unique() + "@example.com", "LastName", "Del"));
        UUID connection = connect(Map.of("push", "false"));
        sync(connection);
        SyncFixtures.sleep(5);
        fake.delete("Contact", id);

        sync(connection);

        assertTrue(records.deletedAt(profile(connection, id).id()).isPresent());
    }

    @Test
    void anErasureDeletesTheContactInSalesforceAndTheReceiptSaysSo() {
        String id = fake.add("Contact", Map.of("Email", "erase-" + unique() + "@example.com", "LastName", "Erase"));
        UUID connection = connect(Map.of("push", "false"));
        sync(connection);
        UUID customer = profile(connection, id).customerId();

        JsonPath receipt = given().contentType(ContentType.JSON).body(Map.of("reason", "data subject request"))
                .post("/api/v1/customers/" + customer + "/erase").then().statusCode(201).extract().jsonPath();

        assertTrue(fake.deleted("Contact", id));
        assertEquals(connection.toString(), receipt.getString("connections[0].connectionId"));
        assertEquals("erased", receipt.getString("connections[0].outcome"));
    }

    @Test
    void withErasureModeAnonymiseAnErasureBlanksTheContactsMappedFields() {
        String id = fake.add("Contact", Map.of("Email", "anon-" + unique() + "@example.com", "LastName", "Anon", "FirstName", "Ann"));
        UUID connection = connect(Map.of("push", "false", "erasureMode", "anonymise"));
        sync(connection);
        UUID customer = profile(connection, id).customerId();

        JsonPath receipt = given().contentType(ContentType.JSON).body(Map.of("reason", "data subject request"))
                .post("/api/v1/customers/" + customer + "/erase").then().statusCode(201).extract().jsonPath();

        assertFalse(fake.deleted("Contact", id));
        assertEquals(Map.of("LastName", "Erased"), fake.record("Contact", id).get());
        assertEquals("erased", receipt.getString("connections[0].outcome"));
    }
}
