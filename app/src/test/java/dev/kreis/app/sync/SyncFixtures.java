package dev.kreis.app.sync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.kreis.connector.hubspot.FakeHubSpot;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Connections to a fake HubSpot, and runs waited for, through the API as admin. */
final class SyncFixtures {
    static final String SECRET = "webhook-secret";

    private SyncFixtures() {
    }

    static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    /** A HubSpot connection to the fake with its own source; answers the connection id. */
    static UUID connect(FakeHubSpot fake, Map<String, String> settings) {
        Map<String, Object> body = new HashMap<>();
        body.put("connector", "hubspot");
        body.put("name", "HubSpot test");
        body.put("source", "hs-" + unique());
        body.put("baseUrl", fake.baseUrl().toString());
        body.put("credentials", Map.of("accessToken", "pat-test", "clientSecret", SECRET));
        body.put("settings", settings);
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/connections").then().statusCode(201)
                .extract().path("id"));
    }

    static String source(UUID connection) {
        return given().get("/api/v1/connections/" + connection).then().statusCode(200).extract().path("source");
    }

    /** Starts a run and waits until it ended; answers the run. */
    static JsonPath sync(UUID connection) {
        String runId = given().post("/api/v1/connections/" + connection + "/sync").then().statusCode(202).extract().path("runId");
        return awaitRun(connection, runId);
    }

    static JsonPath awaitRun(UUID connection, String runId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath run = given().get("/api/v1/connections/" + connection + "/runs/" + runId).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(run.getString("status"))) {
                return run;
            }
            sleep(50);
        }
        return fail("run " + runId + " did not end");
    }

    /** The connection's dead letters, first page, as the admin API lists them. */
    static JsonPath deadLetters(UUID connection) {
        return given().get("/api/v1/connections/" + connection + "/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
