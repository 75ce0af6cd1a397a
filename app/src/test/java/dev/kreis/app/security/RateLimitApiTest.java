package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Rate limits per principal answer 429 with Retry-After; this class runs Kreis with small limits. */
@QuarkusTest
@TestProfile(RateLimitApiTest.SmallLimits.class)
class RateLimitApiTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kreis.security.rate-limit.ingestion-per-second", "1",
                    "kreis.security.rate-limit.ingestion-burst", "5",
                    "kreis.security.rate-limit.authentications-per-minute", "3");
        }
    }

    private static String token(String role) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "limited " + role, "roles", List.of(role)))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath().getString("token");
    }

    /** Posts new touchpoints as the token until one is refused (at most 50); answers that response. */
    private static Response firstRefusal(String token) {
        for (int i = 0; i < 50; i++) {
            Response response = given().auth().none().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(MatrixProbes.touchpoint()).post("/api/v1/touchpoints");
            if (response.statusCode() != 201) {
                return response;
            }
        }
        throw new AssertionError("50 touchpoints in a row were accepted under a limit of 1 a second with bursts of 5");
    }

    @Test
    void ingestionOverTheLimitIs429WithRetryAfter() {
        firstRefusal(token("integration")).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
    }

    @Test
    void aBatchLargerThanTheRemainingAllowanceIs429AndStoresNothing() {
        String token = token("integration");
        String email = "refused." + dev.kreis.app.Fixtures.unique() + "@example.com";
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(MatrixProbes.touchpoint());
        }
        given().auth().none().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("items", items)).post("/api/v1/touchpoints/batch").then().statusCode(200);

        List<Map<String, Object>> refused = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            refused.add(Map.of("source", "probe", "externalId", "refused-" + dev.kreis.app.Fixtures.unique(), "type", "core.interaction",
                    "occurredAt", "2025-03-01T10:00:00Z",
                    "customer", Map.of("identifiers", List.of(Map.of("type", "email", "value", email)))));
        }
        given().auth().none().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("items", refused)).post("/api/v1/touchpoints/batch").then().statusCode(429);

        given().queryParam("q", email).get("/api/v1/customers").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void eachPrincipalHasItsOwnAllowance() {
        String first = token("integration");
        String second = token("integration");
        firstRefusal(first).then().statusCode(429);
        given().auth().none().header("Authorization", "Bearer " + second).contentType(ContentType.JSON)
                .body(MatrixProbes.profile()).post("/api/v1/profiles").then().statusCode(201);
    }

    @Test
    void repeatedPasswordGuessesForOneUserAre429() {
        String username = "guessed-" + dev.kreis.app.Fixtures.unique();
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "the-right-password", "roles", List.of("viewer")))
                .post("/api/v1/users").then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(username, "guess-" + i).get("/api/v1/me").then().statusCode(401);
        }
        given().auth().preemptive().basic(username, "guess-4").get("/api/v1/me")
                .then().statusCode(429).header("Retry-After", notNullValue());
    }
}
