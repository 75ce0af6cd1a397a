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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.platform.customer.AttributeObservation;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.platform.sync.persistence.SyncRecordRepository.Conflict;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** {@code GET|PUT /api/v1/connections/{id}/mapping}: field mapping and per-field conflict policies (issue 15 §2). */
@QuarkusTest
class ConnectionMappingApiTest {
    private final FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC());

    @Inject
    ProfileRepository profiles;

    @Inject
    SyncRecordRepository records;

    @AfterEach
    void stop() {
        fake.close();
    }

    private static JsonPath put(UUID connection, Map<String, Object> body, int status) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/connections/" + connection + "/mapping").then().statusCode(status)
                .extract().jsonPath();
    }

    private ProfileRow profile(UUID connection, String recordId) {
        return profiles.findBySourceAndExternalId(source(connection), recordId).orElseThrow();
    }

    private static void shopProfile(String email, Map<String, Object> attributes) {
        given().contentType(ContentType.JSON).body(Map.of("source", "shop", "externalId", "shop-" + unique(), "kind", "person",
                "identifiers", List.of(Map.of("type", "email", "value", email)), "attributes", attributes))
                .post("/api/v1/profiles").then().statusCode(201);
    }

    @Test
    void theMappingShowsEachObjectsFieldsWithTheirDefaultAttributeAndPolicy() {
        UUID connection = connect(fake, Map.of());

        JsonPath mapping = given().get("/api/v1/connections/" + connection + "/mapping").then().statusCode(200).extract().jsonPath();

        assertEquals("last-writer-wins", mapping.getString("defaultConflictPolicy"));
        assertEquals(List.of("companies", "contacts", "deals", "tickets"), mapping.getList("objects.object"));
        assertEquals("person", mapping.getString("objects.find { it.object == 'contacts' }.becomes"));
        Map<String, Object> email = mapping.getMap("objects.find { it.object == 'contacts' }.fields.find { it.field == 'email' }");
        assertEquals(Map.of("field", "email", "attribute", "email", "defaultAttribute", "email", "identifier", "email", "writable", true,
                "conflictPolicy", "last-writer-wins", "overridden", false), email);
        assertEquals("touchpoint", mapping.getString("objects.find { it.object == 'deals' }.becomes"));
    }

    @Test
    void aPutReplacesTheOverridesAndTheNextSyncMapsFieldsByIt() {
        String id = fake.add("contacts", Map.of("email", "map-" + unique() + "@example.com", "jobtitle", "Pilot", "city", "Bonn"));
        UUID connection = connect(fake, Map.of("push", "false", "conflict.firstName", "crm-wins"));

        JsonPath answer = put(connection, Map.of("defaultConflictPolicy", "crm-wins", "fields", List.of(
                Map.of("object", "contacts", "field", "jobtitle", "attribute", "role", "conflictPolicy", "kreis-wins"),
                Map.of("object", "contacts", "field", "city", "attribute", "-"))), 200);

        assertEquals("crm-wins", answer.getString("defaultConflictPolicy"));
        Map<String, Object> jobtitle = answer.getMap("objects.find { it.object == 'contacts' }.fields.find { it.field == 'jobtitle' }");
        assertEquals("role", jobtitle.get("attribute"));
        assertEquals("jobTitle", jobtitle.get("defaultAttribute"));
        assertEquals("kreis-wins", jobtitle.get("conflictPolicy"));
        assertEquals(true, jobtitle.get("overridden"));
        assertEquals("crm-wins", answer.getString("objects.find { it.object == 'contacts' }.fields.find { it.field == 'lastname' }.conflictPolicy"));
        Map<String, String> settings = given().get("/api/v1/connections/" + connection).then().statusCode(200).extract().path("settings");
        assertEquals("false", settings.get("push"), "other settings stay");
        assertFalse(settings.containsKey("conflict.firstName"), "the mapping replaces every earlier override");
        assertEquals(answer.getMap(""), given().get("/api/v1/connections/" + connection + "/mapping").then().statusCode(200).extract()
                .jsonPath().getMap(""));

        assertEquals("succeeded", sync(connection).getString("status"));
        Map<String, AttributeObservation> attributes = profiles.attributes(profile(connection, id));
        assertEquals("Pilot", attributes.get("role").value().asText());
        assertFalse(attributes.containsKey("jobTitle"));
        assertFalse(attributes.containsKey("city"), "an ignored field is not read");
    }

    @Test
    void unknownObjectsFieldsAndBadAttributesOrPoliciesAreNamedInA422AndChangeNothing() {
        UUID connection = connect(fake, Map.of());

        JsonPath problem = given().contentType(ContentType.JSON).body(Map.of("defaultConflictPolicy", "newest", "fields", List.of(
                Map.of("object", "leads", "field", "email"),
                Map.of("object", "contacts", "field", "shoe_size", "attribute", "shoeSize"),
                Map.of("object", "contacts", "field", "firstname", "attribute", "kreis.customerId"),
                Map.of("object", "contacts", "field", "lastname", "conflictPolicy", "mine-wins"),
                Map.of("object", "contacts", "field", "email", "attribute", "-"),
                Map.of("object", "contacts", "field", "lastname", "attribute", "surname"))))
                .put("/api/v1/connections/" + connection + "/mapping").then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();

        assertEquals(List.of("defaultConflictPolicy", "fields[0].object", "fields[1].field", "fields[2].attribute", "fields[3].conflictPolicy",
                "fields[4].attribute", "fields[5].field"), problem.getList("errors.field"));
        assertTrue(problem.getString("errors.find { it.field == 'fields[1].field' }.message").contains("shoe_size"));
        assertEquals("last-writer-wins", given().get("/api/v1/connections/" + connection + "/mapping").then().extract().path("defaultConflictPolicy"));
        put(connection, Map.of(), 200);
        given().contentType(ContentType.JSON).put("/api/v1/connections/" + connection + "/mapping").then().statusCode(422);
        given().get("/api/v1/connections/" + UUID.randomUUID() + "/mapping").then().statusCode(404);
        put(UUID.randomUUID(), Map.of(), 404);
        given().get("/api/v1/connections/nope/mapping").then().statusCode(400);
    }

    @Test
    void onlyAdminsReadAndChangeTheMapping() {
        UUID connection = connect(fake, Map.of());
        for (String role : List.of("cx-manager", "marketing", "sales", "support", "viewer", "integration")) {
            Staff.as(role).get("/api/v1/connections/" + connection + "/mapping").then().statusCode(403);
            Staff.as(role).contentType(ContentType.JSON).body(Map.of()).put("/api/v1/connections/" + connection + "/mapping").then().statusCode(403);
        }
    }

    /** A contact synced, then Kreis changes first and last name later than HubSpot did; answers the record id. */
    private String changedOnBothSides(UUID connection, String email) {
        String id = fake.add("contacts", Map.of("email", email, "firstname", "Ann", "lastname", "Lee"));
        sync(connection);
        SyncFixtures.sleep(5);
        shopProfile(email, Map.of("firstName", "Anna", "lastName", "Leigh"));
        return id;
    }

    @Test
    void perFieldCrmWinsKeepsTheCrmsValueWhileTheDefaultLastWriterWinsPushesKreissLaterOne() {
        UUID connection = connect(fake, Map.of());
        put(connection, Map.of("fields", List.of(Map.of("object", "contacts", "field", "firstname", "conflictPolicy", "crm-wins"))), 200);
        String id = changedOnBothSides(connection, "cw-" + unique() + "@example.com");

        assertEquals("succeeded", sync(connection).getString("status"));

        assertEquals("Ann", fake.record("contacts", id).orElseThrow().get("firstname"), "crm-wins: Kreis does not overwrite");
        assertEquals("Leigh", fake.record("contacts", id).orElseThrow().get("lastname"), "last-writer-wins: Kreis's later value");
        List<Conflict> conflicts = records.conflicts(connection, id);
        Conflict first = conflicts.stream().filter(c -> c.field().equals("firstname")).findFirst().orElseThrow();
        assertEquals(List.of("crm", "Ann", "Anna", "crm-wins"), List.of(first.winner(), first.winningValue(), first.losingValue(), first.policy()));
        Conflict last = conflicts.stream().filter(c -> c.field().equals("lastname")).findFirst().orElseThrow();
        assertEquals(List.of("kreis", "Leigh", "Lee", "last-writer-wins"), List.of(last.winner(), last.winningValue(), last.losingValue(),
                last.policy()));
    }

    @Test
    void perFieldKreisWinsPushesKreissValueUnderACrmWinsDefaultAndTheCrmsValueStaysOnItsProfile() {
        UUID connection = connect(fake, Map.of());
        put(connection, Map.of("defaultConflictPolicy", "crm-wins", "fields", List.of(Map.of("object", "contacts", "field", "firstname",
                "conflictPolicy", "kreis-wins"))), 200);
        String id = changedOnBothSides(connection, "kw-" + unique() + "@example.com");

        assertEquals("succeeded", sync(connection).getString("status"));
        assertEquals("succeeded", sync(connection).getString("status"));

        assertEquals("Anna", fake.record("contacts", id).orElseThrow().get("firstname"), "kreis-wins");
        assertEquals("Lee", fake.record("contacts", id).orElseThrow().get("lastname"), "crm-wins by default");
        Conflict first = records.conflicts(connection, id).stream().filter(c -> c.field().equals("firstname")).findFirst().orElseThrow();
        assertEquals(List.of("kreis", "Anna", "Ann", "kreis-wins"), List.of(first.winner(), first.winningValue(), first.losingValue(), first.policy()));
        assertEquals("Ann", profiles.attributes(profile(connection, id)).get("firstName").value().asText(),
                "the losing CRM value stays on the CRM's profile (the echo of the push is ignored)");
    }
}
