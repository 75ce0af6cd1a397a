package dev.kreis.app.sync;

import static dev.kreis.app.sync.SyncFixtures.source;
import static dev.kreis.app.sync.SyncFixtures.sync;
import static dev.kreis.app.sync.SyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
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
import jakarta.inject.Inject;

/** Salesforce's Accounts, Opportunities and Cases, merges and CX fields, against the fake Salesforce (issue 15 §2, §4). */
@QuarkusTest
class SalesforceObjectsSyncTest {
    private final FakeSalesforce fake = FakeSalesforce.start(Clock.systemUTC());

    @Inject
    ProfileRepository profiles;

    @Inject
    SyncRecordRepository records;

    @AfterEach
    void stop() {
        fake.close();
    }

    private UUID connect(Map<String, String> settings) {
        Map<String, Object> body = new HashMap<>();
        body.put("connector", "salesforce");
        body.put("name", "Salesforce test");
        body.put("source", "sf-" + unique());
        body.put("baseUrl", fake.loginUrl().toString());
        body.put("credentials", Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET));
        body.put("settings", settings);
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then().statusCode(201)
                .extract().path("id"));
    }

    private ProfileRow profile(UUID connection, String recordId) {
        return profiles.findBySourceAndExternalId(source(connection), recordId).orElseThrow();
    }

    private static List<String> externalIds(UUID customer, String source) {
        List<Map<String, Object>> items = given().queryParam("limit", 100).get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(t -> source.equals(t.get("source"))).map(t -> (String) t.get("externalId")).sorted().toList();
    }

    @Test
    void opportunitiesAndCasesBecomeTouchpointsOnTheContactsCustomerWhoIsAMemberOfItsAccount() {
        String account = fake.add("Account", Map.of("Name", "Globex " + unique()));
        String contact = fake.add("Contact", Map.of("LastName", "Simpson", "Email", "h-" + unique() + "@example.com", "AccountId", account));
        String won = fake.add("Opportunity", Map.of("Name", "Reactor", "Amount", "5000", "StageName", "Closed Won", "IsClosed", "true",
                "IsWon", "true", "ContactId", contact, "AccountId", account, "CreatedDate", "2026-01-05T10:00:00.000+0000"));
        String open = fake.add("Case", Map.of("Subject", "Donuts missing", "Status", "New", "IsClosed", "false", "ContactId", contact,
                "AccountId", account));
        String accountOnly = fake.add("Case", Map.of("Subject", "Invoice", "Status", "Closed", "IsClosed", "true",
                "ClosedDate", "2026-03-01T08:00:00.000+0000", "AccountId", account));
        UUID connection = connect(Map.of("push", "false"));

        assertEquals("succeeded", sync(connection).getString("status"));

        UUID organisation = profile(connection, account).customerId();
        UUID person = profile(connection, contact).customerId();
        assertEquals(organisation, profile(connection, contact).organisationId(), "Contact.AccountId makes the person a member");
        assertEquals(List.of("Case/" + open + "/opened", "Opportunity/" + won + "/opened", "Opportunity/" + won + "/won"),
                externalIds(person, source(connection)));
        assertEquals(List.of("Case/" + accountOnly + "/closed", "Case/" + accountOnly + "/opened"), externalIds(organisation, source(connection)),
                "a case with no contact lands on its account");

        String full = given().queryParam("full", true).post("/api/v1/connections/" + connection + "/sync").then().statusCode(202)
                .extract().path("runId");
        assertEquals("succeeded", SyncFixtures.awaitRun(connection, full).getString("status"));
        assertEquals(3, externalIds(person, source(connection)).size(), "a full re-sync never doubles a touchpoint");
    }

    @Test
    void aMergeInSalesforceMergesTheCustomersInKreisOnceAndASplitUndoesIt() {
        String master = fake.add("Contact", Map.of("LastName", "Master", "Email", "ma-" + unique() + "@example.com"));
        String loser = fake.add("Contact", Map.of("LastName", "Loser", "Email", "lo-" + unique() + "@example.com"));
        UUID connection = connect(Map.of("push", "false"));
        sync(connection);
        UUID loserCustomer = profile(connection, loser).customerId();
        assertNotEquals(profile(connection, master).customerId(), loserCustomer);

        fake.merge("Contact", master, List.of(loser));
        assertEquals("succeeded", sync(connection).getString("status"));

        UUID survivor = profile(connection, master).customerId();
        assertEquals(survivor, profile(connection, loser).customerId());
        assertTrue(records.deletedAt(profile(connection, loser).id()).isPresent());

        UUID split = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("profileIds", List.of(profile(connection, loser).id())))
                .post("/api/v1/customers/" + survivor + "/split").then().statusCode(200).extract().path("customerId"));
        assertEquals(loserCustomer, split);
        String full = given().queryParam("full", true).post("/api/v1/connections/" + connection + "/sync").then().statusCode(202)
                .extract().path("runId");
        assertEquals("succeeded", SyncFixtures.awaitRun(connection, full).getString("status"));
        assertEquals(loserCustomer, profile(connection, loser).customerId(), "the merge is applied once, the split stays");
    }

    @Test
    void theCxFieldsAreCreatedAsDocumentedCustomFieldsAndPushedKeyedOnTheRecordId() {
        String contact = fake.add("Contact", Map.of("LastName", "Flanders", "Email", "n-" + unique() + "@example.com"));
        UUID connection = connect(Map.of());

        assertEquals("succeeded", sync(connection).getString("status"));

        assertTrue(fake.customFields("Contact").containsAll(List.of("Kreis_Customer_Id__c", "Kreis_Last_NPS__c", "Kreis_Last_CSAT__c",
                "Kreis_Journey_Phase__c", "Kreis_Peak_End_Score__c")), fake.customFields("Contact").toString());
        assertEquals(profile(connection, contact).customerId().toString(), fake.record("Contact", contact).orElseThrow().get("Kreis_Customer_Id__c"));
        int before = fake.writes().size();
        assertEquals("succeeded", sync(connection).getString("status"));
        assertEquals(before, fake.writes().size(), "nothing changed, nothing written");
    }
}
