package dev.kreis.app.sync;

import static dev.kreis.app.sync.SyncFixtures.connect;
import static dev.kreis.app.sync.SyncFixtures.source;
import static dev.kreis.app.sync.SyncFixtures.sync;
import static dev.kreis.app.sync.SyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.modules.ModuleAdmin;
import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.spi.connector.CrmActivity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** HubSpot's companies, deals and tickets, merges, CX fields and record creation, against the fake HubSpot (issue 15 §2, §3). */
@QuarkusTest
class HubSpotObjectsSyncTest {
    private final FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC());

    @Inject
    ProfileRepository profiles;

    @Inject
    SyncRecordRepository records;

    @Inject
    RecordingActivityReceiver receiver;

    @AfterEach
    void stop() {
        fake.close();
    }

    private ProfileRow profile(UUID connection, String recordId) {
        return profiles.findBySourceAndExternalId(source(connection), recordId).orElseThrow();
    }

    private static List<Map<String, Object>> timeline(UUID customer) {
        return given().queryParam("limit", 100).get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200).extract().path("items");
    }

    private static List<Map<String, Object>> timelineOf(UUID customer, String source) {
        return timeline(customer).stream().filter(t -> source.equals(t.get("source"))).toList();
    }

    @Test
    void aContactAssociatedWithACompanyBecomesAMemberOfTheCompanysOrganisation() {
        String company = fake.add("companies", Map.of("name", "Acme " + unique(), "domain", "acme.example"));
        String contact = fake.add("contacts", Map.of("email", "m-" + unique() + "@example.com"));
        fake.associate("contacts", contact, "companies", company);
        UUID connection = connect(fake, Map.of("push", "false"));

        assertEquals("succeeded", sync(connection).getString("status"));

        UUID organisation = profile(connection, company).customerId();
        assertEquals(organisation, profile(connection, contact).organisationId());
        List<String> members = given().get("/api/v1/customers/" + organisation).then().statusCode(200).extract().path("members.id");
        assertTrue(members.contains(profile(connection, contact).customerId().toString()), members.toString());
    }

    @Test
    void dealsAndTicketsBecomeTouchpointsOnTheAssociatedContactsCustomerAndAResyncNeverDoublesThem() {
        ModuleAdmin.ensureEnabled("sales");
        ModuleAdmin.ensureEnabled("support");
        String contact = fake.add("contacts", Map.of("email", "d-" + unique() + "@example.com"));
        String deal = fake.add("deals", Map.of("dealname", "Renewal", "amount", "1200", "dealstage", "closedwon", "hs_is_closed", "true",
                "hs_is_closed_won", "true", "createdate", "2026-01-05T10:00:00Z"));
        String ticket = fake.add("tickets", Map.of("subject", "Printer on fire", "hs_pipeline_stage", "1", "createdate", "2026-02-01T09:00:00Z"));
        fake.associate("deals", deal, "contacts", contact);
        fake.associate("tickets", ticket, "contacts", contact);
        UUID connection = connect(fake, Map.of("push", "false"));

        assertEquals("succeeded", sync(connection).getString("status"));

        UUID customer = profile(connection, contact).customerId();
        List<Map<String, Object>> touchpoints = timelineOf(customer, source(connection));
        Map<String, String> types = new java.util.TreeMap<>();
        touchpoints.forEach(t -> types.put((String) t.get("externalId"), (String) t.get("type")));
        assertEquals(Map.of("deals/" + deal + "/opened", "sales.deal_created", "deals/" + deal + "/won", "sales.deal_won",
                "tickets/" + ticket + "/opened", "support.ticket_opened"), types);
        List<CrmActivity> activities = receiver.received(source(connection), deal);
        assertFalse(activities.isEmpty());
        assertEquals("won", activities.get(0).status());
        assertEquals(customer, activities.get(0).customerId());
        assertEquals("Renewal", activities.get(0).title().orElseThrow());

        fake.change("tickets", ticket, Map.of("closed_date", "2026-02-03T09:00:00Z", "hs_pipeline_stage", "4"));
        String full = given().queryParam("full", true).post("/api/v1/connections/" + connection + "/sync").then().statusCode(202)
                .extract().path("runId");
        assertEquals("succeeded", SyncFixtures.awaitRun(connection, full).getString("status"));

        List<String> after = timelineOf(customer, source(connection)).stream().map(t -> (String) t.get("externalId")).sorted().toList();
        assertEquals(List.of("deals/" + deal + "/opened", "deals/" + deal + "/won", "tickets/" + ticket + "/closed",
                "tickets/" + ticket + "/opened"), after);
    }

    @Test
    void aDealWithoutTheSalesModuleIsAGenericInteractionInItsJourneyPhase() {
        String contact = fake.add("contacts", Map.of("email", "g-" + unique() + "@example.com"));
        String deal = fake.add("deals", Map.of("dealname", "Pilot", "hs_is_closed", "false"));
        fake.associate("deals", deal, "contacts", contact);
        UUID connection = connect(fake, Map.of("push", "false"));
        ModuleAdmin.uninstall("sales", "keep");
        try {
            assertEquals("succeeded", sync(connection).getString("status"));
        } finally {
            ModuleAdmin.ensureEnabled("sales");
        }

        List<Map<String, Object>> touchpoints = timelineOf(profile(connection, contact).customerId(), source(connection));
        assertEquals(1, touchpoints.size(), touchpoints.toString());
        assertEquals("core.interaction", touchpoints.get(0).get("type"));
        assertEquals("consideration", touchpoints.get(0).get("phase"));
        assertEquals("deals/" + deal + "/opened", touchpoints.get(0).get("externalId"));
    }

    @Test
    void aMergeInHubSpotMergesTheCustomersInKreisOnceAndASplitUndoesIt() {
        String primary = fake.add("contacts", Map.of("email", "p-" + unique() + "@example.com"));
        String merged = fake.add("contacts", Map.of("email", "q-" + unique() + "@example.com"));
        UUID connection = connect(fake, Map.of("push", "false"));
        sync(connection);
        UUID mergedCustomer = profile(connection, merged).customerId();
        assertNotEquals(profile(connection, primary).customerId(), mergedCustomer);

        fake.merge("contacts", primary, merged);
        assertEquals("succeeded", sync(connection).getString("status"));

        UUID survivor = profile(connection, primary).customerId();
        assertEquals(survivor, profile(connection, merged).customerId());
        assertTrue(records.deletedAt(profile(connection, merged).id()).isPresent(), "the merged record's profile is marked deleted");
        String history = given().get("/api/v1/customers/" + survivor + "/identity-history").then().statusCode(200).extract().asString();
        assertTrue(history.contains("connection:" + connection), history);

        UUID split = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("profileIds", List.of(profile(connection, merged).id())))
                .post("/api/v1/customers/" + survivor + "/split").then().statusCode(200).extract().path("customerId"));
        assertEquals(mergedCustomer, split, "the split revives the customer the merge absorbed");
        fake.change("contacts", primary, Map.of("firstname", "Pat"));
        assertEquals("succeeded", sync(connection).getString("status"));
        assertEquals(mergedCustomer, profile(connection, merged).customerId(), "a later sync does not merge again");
    }

    @Test
    void kreissCxFieldsGoToTheKreisPropertyGroupOnceAndOnlyChangedValuesAreSentAgain() {
        String email = "cx-" + unique() + "@example.com";
        String contact = fake.add("contacts", Map.of("email", email));
        UUID customer = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("source", "shop", "externalId", "shop-" + unique(),
                "kind", "person", "identifiers", List.of(Map.of("type", "email", "value", email)))).post("/api/v1/profiles").then()
                .statusCode(201).extract().path("customerId"));
        answer(customer, "feedback.nps", 9);
        UUID connection = connect(fake, Map.of());

        assertEquals("succeeded", sync(connection).getString("status"));

        assertTrue(fake.properties("contacts").containsAll(List.of("group:kreis", "kreis_customer_id", "kreis_last_nps", "kreis_last_csat",
                "kreis_journey_phase", "kreis_peak_end_score")), fake.properties("contacts").toString());
        Map<String, String> pushed = fake.record("contacts", contact).orElseThrow();
        assertEquals(customer.toString(), pushed.get("kreis_customer_id"));
        assertEquals("9", pushed.get("kreis_last_nps"));
        assertEquals("advocacy", pushed.get("kreis_journey_phase"));
        assertTrue(pushed.containsKey("kreis_peak_end_score"), pushed.toString());
        assertFalse(pushed.containsKey("kreis_last_csat"), "no CSAT answer, nothing pushed");
        long propertyCreations = fake.writes().stream().filter(r -> r.path().startsWith("/crm/v3/properties")).count();

        int before = fake.writes().size();
        assertEquals("succeeded", sync(connection).getString("status"));
        assertEquals(before, fake.writes().size(), "nothing changed, nothing written; the echo of the push is ignored");

        answer(customer, "feedback.csat", 4);
        assertEquals("succeeded", sync(connection).getString("status"));
        List<FakeHubSpot.Request> updates = fake.writes().subList(before, fake.writes().size()).stream()
                .filter(r -> r.path().contains("/batch/update")).toList();
        assertEquals(1, updates.size(), updates.toString());
        assertTrue(updates.get(0).body().contains("\"kreis_last_csat\":\"4\""), updates.get(0).body());
        assertFalse(updates.get(0).body().contains("kreis_customer_id"), "an unchanged value is not sent again: " + updates.get(0).body());
        assertEquals(propertyCreations, fake.writes().stream().filter(r -> r.path().startsWith("/crm/v3/properties")).count(),
                "the properties are created once");
    }

    @Test
    void recordsForCustomersFromElsewhereAreCreatedOnlyWithCreateRecordsAndOnlyOnce() {
        UUID connection = connect(fake, Map.of());
        assertEquals("succeeded", sync(connection).getString("status"));
        String email = "new-" + unique() + "@example.com";
        UUID customer = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("source", "shop", "externalId", "shop-" + unique(),
                "kind", "person", "identifiers", List.of(Map.of("type", "email", "value", email)), "attributes", Map.of("firstName", "Nova")))
                .post("/api/v1/profiles").then().statusCode(201).extract().path("customerId"));

        assertEquals("succeeded", sync(connection).getString("status"));
        assertTrue(fake.all("contacts").stream().noneMatch(c -> email.equals(c.get("email"))), "off by default");

        given().contentType(ContentType.JSON).body(Map.of("settings", Map.of("createRecords", "true"))).patch("/api/v1/connections/" + connection)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("source", "shop", "externalId", "shop-" + unique(), "kind", "person",
                "identifiers", List.of(Map.of("type", "email", "value", email)), "attributes", Map.of("lastName", "Star")))
                .post("/api/v1/profiles").then().statusCode(201);
        assertEquals("succeeded", sync(connection).getString("status"));
        assertEquals("succeeded", sync(connection).getString("status"));

        List<Map<String, String>> created = fake.all("contacts").stream().filter(c -> email.equals(c.get("email"))).toList();
        assertEquals(1, created.size(), created.toString());
        assertEquals("Nova", created.get(0).get("firstname"));
        assertEquals(customer.toString(), created.get(0).get("kreis_customer_id"));
        assertEquals(customer, profile(connection, created.get(0).get("id")).customerId(), "the new record is the customer's profile");
    }

    private static void answer(UUID customer, String type, int score) {
        given().contentType(ContentType.JSON).body(Map.of("source", "survey", "externalId", "s-" + unique(), "customerId", customer.toString(),
                "type", type, "score", score, "occurredAt", Instant.now().toString())).post("/api/v1/touchpoints").then()
                .statusCode(anyOf(is(200), is(201), is(202)));
    }
}
