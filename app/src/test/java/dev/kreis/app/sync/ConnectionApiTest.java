package dev.kreis.app.sync;

import static dev.kreis.app.sync.SyncFixtures.connect;
import static dev.kreis.app.sync.SyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.connector.hubspot.FakeHubSpot;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** {@code /api/v1/connections}: create, read, change, delete, test; credentials never leave; admin only, sync also for integration. */
@QuarkusTest
class ConnectionApiTest {
    private final FakeHubSpot fake = FakeHubSpot.start(Clock.systemUTC());

    @Inject
    Jdbc jdbc;

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Map<String, Object> request(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("connector", "hubspot", "name", "HubSpot EU", "source", "hs-" + unique(),
                "credentials", Map.of("accessToken", "pat-secret-value-" + unique())));
        body.putAll(overrides);
        return body;
    }

    @Test
    void creatingAConnectionAnswers201WithItsIdAndDefaultsAndNeverTheCredentials() {
        Map<String, Object> body = new HashMap<>(request(Map.of()));
        body.remove("source");
        body.put("name", "Default source " + unique());
        String secret = "pat-never-shown-" + unique();
        body.put("credentials", Map.of("accessToken", secret));
        given().get("/api/v1/connections").then().statusCode(200).body("items.source", not(hasItem("hubspot")));

        var created = given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then().statusCode(201).extract();

        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/connections/" + id));
        assertEquals("hubspot", created.path("source"));
        assertEquals("https://api.hubapi.com", created.path("baseUrl"));
        assertEquals(List.of("accessToken"), created.path("credentialsSet"));
        String everything = given().get("/api/v1/connections").asString() + given().get("/api/v1/connections/" + id).asString()
                + given().get("/api/v1/audit?limit=200").asString();
        assertFalse(everything.contains(secret), "the credentials are never returned nor audited");
        String stored = jdbc.queryOne("select credentials from sync_connection where id = ?", row -> row.getString(1), UUID.fromString(id)).orElseThrow();
        assertFalse(stored.contains(secret), "encrypted at rest");
        assertTrue(stored.startsWith("v1:"));
        given().delete("/api/v1/connections/" + id + "?data=keep").then().statusCode(204);
    }

    @Test
    void badInputIsRefusedWith422NamingEachField() {
        JsonPath problem = given().contentType(ContentType.JSON)
                .body(Map.of("connector", "nosuch", "name", "", "baseUrl", "ftp://x", "settings", Map.of("conflict.email", "loudest")))
                .post("/api/v1/connections").then().statusCode(422).extract().jsonPath();
        List<String> fields = problem.getList("errors.field");
        assertTrue(fields.containsAll(List.of("connector", "name", "baseUrl", "credentials", "settings.conflict.email")), fields.toString());

        List<String> credentialErrors = given().contentType(ContentType.JSON)
                .body(request(Map.of("credentials", Map.of("clientId", "only-one-of-three", "password", "x"))))
                .post("/api/v1/connections").then().statusCode(422).extract().jsonPath().getList("errors.field");
        assertTrue(credentialErrors.containsAll(List.of("credentials", "credentials.password")), credentialErrors.toString());

        given().contentType(ContentType.JSON).body("").post("/api/v1/connections").then().statusCode(422);
    }

    @Test
    void aSecondConnectionWithTheSameSourceIsAConflict() {
        Map<String, Object> body = request(Map.of());
        given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then().statusCode(409);
    }

    @Test
    void patchChangesTheGivenFieldsAndRefusesToChangeTheSource() {
        UUID id = connect(fake, Map.of());

        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "settings", Map.of("push", "false")))
                .patch("/api/v1/connections/" + id).then().statusCode(200);
        JsonPath after = given().get("/api/v1/connections/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("Renamed", after.getString("name"));
        assertEquals("false", after.getString("settings.push"));
        assertEquals(List.of("accessToken", "clientSecret"), after.getList("credentialsSet"));

        given().contentType(ContentType.JSON).body(Map.of("source", "other")).patch("/api/v1/connections/" + id).then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).patch("/api/v1/connections/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void deletingNeedsDataKeepOrPurgeAndPurgeRetiresTheProfiles() {
        String record = fake.add("contacts", Map.of("email", "purge-" + unique() + "@example.com"));
        UUID id = connect(fake, Map.of("push", "false"));
        String source = SyncFixtures.source(id);
        SyncFixtures.sync(id);

        given().delete("/api/v1/connections/" + id).then().statusCode(422);
        given().delete("/api/v1/connections/" + id + "?data=purge").then().statusCode(204);

        given().get("/api/v1/connections/" + id).then().statusCode(404);
        assertTrue(jdbc.queryOne("select deleted_at from profile where source = ? and external_id = ?", row -> row.getObject(1), source, record)
                .isPresent());
        assertEquals(0, jdbc.queryOne("select count(*) from profile_identifier i join profile p on p.id = i.profile_id where p.source = ?",
                row -> row.getInt(1), source).orElseThrow());
    }

    @Test
    void aConnectionTestSaysWhichObjectsAreReadableAndWritable() {
        UUID id = connect(fake, Map.of());
        JsonPath test = given().post("/api/v1/connections/" + id + "/test").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("companies", "contacts", "deals", "tickets"), test.getList("objects.object"));
        assertEquals(List.of(true, true, true, true), test.getList("objects.readable"));
        assertEquals(List.of(true, true, true, true), test.getList("objects.writable"));

        fake.revokePrivateAppToken();
        JsonPath refused = given().post("/api/v1/connections/" + id + "/test").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(false, false, false, false), refused.getList("objects.readable"));
    }

    @Test
    void onlyAdminsManageConnectionsAndIntegrationsMayAlsoStartASync() {
        UUID id = connect(fake, Map.of("push", "false"));
        for (String role : List.of("cx-manager", "marketing", "sales", "support", "viewer", "integration")) {
            Staff.as(role).get("/api/v1/connections").then().statusCode(403);
            Staff.as(role).get("/api/v1/connections/" + id + "/runs").then().statusCode(403);
            Staff.as(role).get("/api/v1/connections/" + id + "/dead-letters").then().statusCode(403);
            Staff.as(role).contentType(ContentType.JSON).body(Map.of("name", "x")).patch("/api/v1/connections/" + id).then().statusCode(403);
            Staff.as(role).delete("/api/v1/connections/" + id + "?data=keep").then().statusCode(403);
        }
        for (String role : List.of("cx-manager", "marketing", "sales", "support", "viewer")) {
            Staff.as(role).post("/api/v1/connections/" + id + "/sync").then().statusCode(403);
        }
        String runId = Staff.as("integration").post("/api/v1/connections/" + id + "/sync").then().statusCode(202).extract().path("runId");
        assertEquals("succeeded", SyncFixtures.awaitRun(id, runId).getString("status"));
    }

    @Test
    void runsAndDeadLettersAnswer404ForUnknownIdsAnd422ForBadPaging() {
        UUID id = connect(fake, Map.of("push", "false"));
        given().get("/api/v1/connections/" + UUID.randomUUID() + "/runs").then().statusCode(404);
        given().get("/api/v1/connections/" + id + "/runs/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/connections/" + id + "/runs?limit=0").then().statusCode(422);
        given().get("/api/v1/connections/" + id + "/dead-letters?after=nope").then().statusCode(422);
        given().post("/api/v1/connections/" + id + "/dead-letters/" + UUID.randomUUID() + "/retry").then().statusCode(404);
        given().delete("/api/v1/connections/" + id + "/dead-letters/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aConnectionWhoseRecentRunsAllFailedShowsAsDegradedWhileHealthStaysUp() {
        UUID id = connect(fake, Map.of("push", "false"));
        fake.revokePrivateAppToken();
        for (int i = 0; i < 3; i++) {
            assertEquals("failed", SyncFixtures.sync(id).getString("status"));
        }

        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();

        assertEquals("UP", health.getString("status"));
        assertEquals("degraded", health.getString("checks.find { it.name == 'connections' }.data.'" + id + "'"));
    }
}
